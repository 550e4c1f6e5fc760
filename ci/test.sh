#!/usr/bin/env bash
# The README's test command: installs what is needed, configures, builds and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash ci/install-deps.sh
cmake --workflow --preset ci
