#!/usr/bin/env bash
# Starts the real QGIS desktop under Xvfb with a fresh profile that loads the plugin from the
# build folder, runs desktop_probe.py inside it and prints the probe's JSON.
# Usage: run_desktop_probe.sh PLUGIN_DIR OUT_JSON [PROJECT]
# GEOLICENCE_PROBE_LOCALE=nl_NL runs QGIS in that language; GEOLICENCE_PROBE_MODE is passed on.
# GEOLICENCE_PROBE_SCRIPT runs another script than desktop_probe.py (the overhead bench).
set -euo pipefail
plugin_dir=$(realpath "$1")
out=$(realpath -m "$2")
project=${3:-}
here=$(dirname "$(realpath "$0")")
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
profile="$home/.local/share/QGIS/QGIS3/profiles/default/QGIS"
mkdir -p "$profile"
cat > "$profile/QGIS3.ini" <<INI
[plugins]
searchPathsForPlugins=$plugin_dir

[Plugins]
libgeolicenceplugin=true

[app]
projections\promptWhenMultipleTransformsExist=false

[qgis]
checkVersion=false
showTips=false
INI
if [ -n "${GEOLICENCE_PROBE_LOCALE:-}" ]; then
  printf '\n[locale]\noverrideFlag=true\nuserLocale=%s\nglobalLocale=%s\n' \
    "$GEOLICENCE_PROBE_LOCALE" "$GEOLICENCE_PROBE_LOCALE" >> "$profile/QGIS3.ini"
fi
if [ "${GEOLICENCE_PROBE_NO_PLUGIN:-}" = 1 ]; then
  sed -i 's/^libgeolicenceplugin=true/libgeolicenceplugin=false/' "$profile/QGIS3.ini"
fi
script=${GEOLICENCE_PROBE_SCRIPT:-$here/desktop_probe.py}
rm -f "$out"
# An X server of our own (no xvfb-run): the probe can then also take screenshots of it.
display=90
while [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1600x1000x24 -nolisten tcp >"$home/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
DISPLAY=":$display" HOME="$home" XDG_RUNTIME_DIR="$home" GEOLICENCE_PROBE_OUT="$out" \
  GEOLICENCE_PROBE_WORKDIR="$(dirname "$out")" \
  GEOLICENCE_PROBE_PROJECT="$project" \
  timeout "${GEOLICENCE_PROBE_TIMEOUT:-240}" qgis --noversioncheck --nologo --code "$script" >"$home/qgis.log" 2>&1 &&
  status=0 || status=$?
cp "$home/qgis.log" "${out%.json}.qgis.log" 2>/dev/null || true  # kept for a failing run
if [ ! -s "$out" ]; then
  echo "run_desktop_probe: QGIS wrote no probe result; its log:" >&2
  tail -50 "$home/qgis.log" >&2
  exit 1
fi
cat "$out"
if [ "$status" -ne 0 ]; then
  echo "run_desktop_probe: QGIS exited with $status; the end of its log:" >&2
  tail -30 "$home/qgis.log" >&2
  exit "$status"
fi
