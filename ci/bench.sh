#!/usr/bin/env bash
# Measures evaluation speed with an optimised build. The README's performance section quotes it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash ci/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target geolicence_benchmarks
./build/release/tests/geolicence_benchmarks --benchmark_min_time=1 --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true "$@"
