#!/usr/bin/env bash
# Builds the Debian packages geolicence_<version>_amd64.deb (the command line) and
# qgis-plugin-geolicence_<version>_amd64.deb (the QGIS plugin) into build/packages/, and checks
# them with lintian (no errors allowed).
#
#   bash ci/package.sh              a Release build of its own (preset "package")
#   bash ci/package.sh BUILD_DIR    packages an existing, configured and built build folder
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

bash ci/install-deps.sh
if [ $# -ge 1 ]; then
  build=$(realpath "$1")
  cmake --build "$build" --target geolicence geolicence-gis geolicenceplugin \
    geolicence_man_pages geolicence_changelog
else
  cmake --preset package
  cmake --build --preset package
  build="$root/build/package"
fi

out="$root/build/packages"
rm -rf "$out"
mkdir -p "$out"
staging=$(mktemp -d "${TMPDIR:-/tmp}/geolicence-cpack-XXXXXX")
trap 'rm -rf "$staging"' EXIT
(cd "$build" && cpack -G DEB -B "$staging" >"$staging/cpack.log" 2>&1) || {
  echo "package.sh: cpack failed; its log:" >&2
  cat "$staging/cpack.log" >&2
  exit 1
}
mv "$staging"/*.deb "$out/"
for deb in "$out"/*.deb; do
  echo "package.sh: $(basename "$deb")"
  dpkg-deb --field "$deb" Package Version Depends | sed 's/^/  /'
done
# Errors fail the build; warnings and notes are shown for whoever maintains the packaging.
lintian --fail-on error --tag-display-limit 0 "$out"/*.deb
