#!/usr/bin/env bash
# The README's test command: installs what is needed, configures, builds and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash ci/install-deps.sh
cmake --workflow --preset ci
# The same suites again under AddressSanitizer + UBSan (QGIS is not instrumented, so the
# plugin's suites run in the preset above only; see README "Building by hand").
cmake --workflow --preset asan
