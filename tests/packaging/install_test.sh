#!/usr/bin/env bash
# Builds the Debian packages from a build folder (ci/package.sh, lintian must find no errors),
# installs both with apt-get as a user would, and checks what the user then has: geolicence
# and a check from /usr/bin, its man pages and bash completion, and the plugin loaded by the
# real QGIS desktop (Xvfb) from the system plugin folder with no plugin path set. The packages
# are removed again at the end, also when a step fails.
#
#   install_test.sh BUILD_DIR          (needs root, or sudo, for apt-get)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(realpath "${1:?usage: install_test.sh BUILD_DIR}")
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null || { echo "install_test: needs root or sudo for apt-get" >&2; exit 1; }
  sudo="sudo -n"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/geolicence-packages-XXXXXX")
export DEBIAN_FRONTEND=noninteractive

passed=0
failed=0
expect() { # NAME COMMAND...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}
remove_packages() {
  # dpkg, not apt-get: apt-get refuses the whole request when one of them is not installed.
  $sudo dpkg --remove geolicence qgis-plugin-geolicence >/dev/null 2>&1
}
cleanup() {
  remove_packages
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if ! bash "$root/ci/package.sh" "$build" >"$work/package.log" 2>&1; then
  echo "FAIL ci/package.sh; its log:"
  tail -40 "$work/package.log"
  exit 1
fi
version=$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' "$root/CMakeLists.txt" | head -1)
expect "both packages named <name>_<version>_amd64.deb" \
  test -f "$root/build/packages/geolicence_${version}_amd64.deb" -a \
  -f "$root/build/packages/qgis-plugin-geolicence_${version}_amd64.deb"
expect "lintian reports no errors" grep -q "^package.sh: qgis-plugin-geolicence" "$work/package.log"
expect "the plugin depends on the exact libqgis it was built against" \
  sh -c "dpkg-deb --field '$root/build/packages/qgis-plugin-geolicence_${version}_amd64.deb' Depends | grep -q 'libqgis-core'"

remove_packages
if ! $sudo apt-get install -y -qq "$root"/build/packages/*.deb >"$work/apt.log" 2>&1; then
  echo "FAIL apt-get install; its log:"
  tail -20 "$work/apt.log"
  exit 1
fi
expect "geolicence is in /usr/bin" test -x /usr/bin/geolicence -a -x /usr/bin/geolicence-gis
/usr/bin/geolicence --version >"$work/version.txt" 2>&1
expect "--version names the program and catalog versions" \
  sh -c "grep -q '^geolicence $version$' '$work/version.txt' && grep -q '^licence catalog [0-9]' '$work/version.txt'"
expect "the bundled profiles and schema are in /usr/share/geolicence" \
  test -f /usr/share/geolicence/licences/ndff-uitvoerportaal.json -a \
  -f /usr/share/geolicence/licences/schema/licence-profile.schema.json
expect "the installed profiles validate with the installed program" \
  /usr/bin/geolicence licences validate /usr/share/geolicence/licences/ndff-uitvoerportaal.json

# A check from /usr/bin, with the GIS half (geolicence-gis) reached from there too.
mkdir -p "$work/repo"
cat >"$work/repo/waarnemingen.geojson" <<'JSON'
{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
 "features": [{"type": "Feature", "properties": {"soort": "das"},
               "geometry": {"type": "Point", "coordinates": [155123.4, 463456.7]}}]}
JSON
echo '{"licence": "ndff-uitvoerportaal"}' >"$work/repo/waarnemingen.geojson.licence.json"
(cd "$work" && /usr/bin/geolicence check repo/waarnemingen.geojson --action publish \
  --format json >"$work/check.json" 2>"$work/check.err")
status=$?
expect "check of exact NDFF points from /usr/bin: prohibited, exit 1" \
  sh -c "[ $status -eq 1 ] && grep -q '\"decision\": \"prohibited\"' '$work/check.json'"

expect "a man page per command" sh -c 'for page in geolicence geolicence-check geolicence-aggregate geolicence-evaluate geolicence-inspect geolicence-bind geolicence-attribution geolicence-licences; do man -w $page >/dev/null || exit 1; done'
expect "the check man page documents --action" \
  sh -c "zcat \$(man -w geolicence-check) | grep -q -- 'action'"
completion=/usr/share/bash-completion/completions/geolicence
expect "bash completes the commands" bash -c "source $completion; COMP_WORDS=(geolicence ch); COMP_CWORD=1; _geolicence; [[ \" \${COMPREPLY[*]} \" == *' check '* ]]"
expect "bash completes an option's values" bash -c "source $completion; COMP_WORDS=(geolicence evaluate --action pub); COMP_CWORD=3; _geolicence; [[ \"\${COMPREPLY[*]}\" == publish ]]"
expect "bash completes licence ids" bash -c "source $completion; COMP_WORDS=(geolicence evaluate --licence ndff); COMP_CWORD=3; _geolicence; [[ \"\${COMPREPLY[*]}\" == ndff-uitvoerportaal ]]"
expect "the plugin is in QGIS's plugin folder" test -f /usr/lib/qgis/plugins/libgeolicenceplugin.so

# The real desktop with a fresh profile that only enables the plugin: no plugin path at all.
home="$work/home"
profile="$home/.local/share/QGIS/QGIS3/profiles/default/QGIS"
mkdir -p "$profile"
cat >"$profile/QGIS3.ini" <<'INI'
[Plugins]
libgeolicenceplugin=true

[app]
projections\promptWhenMultipleTransformsExist=false

[qgis]
checkVersion=false
showTips=false
INI
display=80
while [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
DISPLAY=":$display" HOME="$home" XDG_RUNTIME_DIR="$home" GEOLICENCE_PROBE_OUT="$work/probe.json" \
  timeout 120 qgis --noversioncheck --nologo --code "$here/system_plugin_probe.py" \
  >"$work/qgis.log" 2>&1
/usr/bin/python3 - "$work/probe.json" <<'PYTHON' >"$work/probe.txt" 2>&1
import json, sys
probe = json.load(open(sys.argv[1]))
assert probe["loaded_from"] == ["/usr/lib/qgis/plugins/libgeolicenceplugin.so"], probe
assert probe["processing_provider"], probe
assert probe["menu"], probe
PYTHON
expect "QGIS loads the plugin from /usr/lib/qgis/plugins with no plugin path set" test $? -eq 0
[ -s "$work/probe.txt" ] && cat "$work/probe.txt" && tail -20 "$work/qgis.log"

remove_packages
# The CI examples install the command line from its package the same way.
if bash "$root/ci/examples/install-geolicence.sh" \
  "$root/build/packages/geolicence_${version}_amd64.deb" >"$work/example.log" 2>&1; then
  cp -r "$root/tests/data/sample_repository" "$work/sample"
  (cd "$work/sample" && bash "$root/ci/examples/check-repository.sh" . "$work/reports" \
    >"$work/example-check.log" 2>&1)
  status=$?
  expect "the CI example installs the package and checks a repository with it" \
    sh -c "[ $status -eq 1 ] && test -s '$work/reports/geolicence.sarif' && grep -q 'files checked' '$work/example-check.log'"
else
  expect "the CI example's install-geolicence.sh installs the package" false
  tail -20 "$work/example.log"
fi
remove_packages
expect "the packages are removed again" sh -c '! test -e /usr/bin/geolicence && ! test -e /usr/lib/qgis/plugins/libgeolicenceplugin.so'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
