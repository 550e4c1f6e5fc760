#!/usr/bin/env bash
# `geolicence check` of a generated project with 1,000 layers and 10 layouts, whole process
# (start-up, catalog, project, bindings, evaluation, layout verification), against the
# target of 50 ms — and, as the peer a pipeline would otherwise use, PyQGIS reading the same
# project and asking every layout map for its layers, measured in the same run.
# Usage: check_bench.sh GEOLICENCE_BINARY [WORK_DIR]
set -euo pipefail
binary=$(realpath "$1")
work=${2:-$(mktemp -d)}
here=$(dirname "$(realpath "$0")")
python3=/usr/bin/python3

"$python3" "$here/make_large_project.py" "$work" 1000 10 >/dev/null
project="$work/groot.qgs"
# The same project with the NDFF layers claiming 1 km cells: each claimed layer's data is
# measured, so the check goes on in geolicence-gis (GDAL) and opens 334 files.
"$python3" "$here/make_large_project.py" "$work/claims" 1000 10 claims >/dev/null
claims="$work/claims/groot.qgs"
export LC_ALL=C

# Beside the check, what it is made of: the process alone (--version), the process and the
# catalog (licences list), and the check with the text report instead of the JSON one.
hyperfine --warmup 3 --runs 30 -N -i --export-json "$work/check.json" \
  "$binary check $project --action publish --layout 'Layout 3' --format json" \
  "$binary check $project --action publish --format json" \
  "$binary check $claims --action publish --layout 'Layout 3' --format json" \
  "$binary check $project --action publish --layout 'Layout 3' --format text" \
  "$binary --version" \
  "$binary licences list" >/dev/null

read -r with_layout without_layout with_claims as_text start_up catalog < <("$python3" - "$work/check.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print(" ".join(f"{r['median'] * 1000:.1f}" for r in results))
PY
)
echo "geolicence check, 1,000 layers, 10 layouts (median of 30 runs):"
echo "  --layout 'Layout 3':  ${with_layout} ms   (target < 50 ms)"
echo "  visible layers:       ${without_layout} ms"
echo "  --layout 'Layout 3', the NDFF layers claiming 1 km cells (measured with GDAL): ${with_claims} ms"
echo "  of which: --format text instead of json ${as_text} ms, process start ${start_up} ms (--version),"
echo "            start and catalog ${catalog} ms (licences list)"

if "$python3" -c "import qgis.core" 2>/dev/null; then
  start=$(date +%s.%N)
  QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp "$python3" "$here/../qgis/oracle.py" "$project" >/dev/null 2>&1
  end=$(date +%s.%N)
  pyqgis=$("$python3" -c "print(f'{($end - $start) * 1000:.0f}')")
  ratio=$("$python3" -c "print(f'{$pyqgis / $with_layout:.0f}')")
  echo "  PyQGIS reading the same project: ${pyqgis} ms  -> geolicence is ${ratio}x faster"
fi
"$python3" -c "import sys; sys.exit(0 if $with_layout < 50 else 1)" ||
  { echo "check_bench: over the 50 ms target" >&2; exit 1; }
