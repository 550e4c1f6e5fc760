#!/usr/bin/env bash
# Measures the speed targets with an optimised build; the README's performance section quotes
# what this prints. Extra arguments go to the evaluation benchmark (Google Benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."

bash ci/install-deps.sh
if ! command -v hyperfine >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends hyperfine
fi
cmake --preset release >/dev/null
cmake --build --preset release --target geolicence geolicence_benchmarks

echo "== Evaluating one action for N licensed layers (target: 1,000 layers < 1 ms)"
./build/release/tests/geolicence_benchmarks --benchmark_min_time=1 --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true "$@"

echo
echo "== check of a 1,000-layer project, whole process (target < 50 ms)"
bash tests/benchmarks/check_bench.sh ./build/release/cli/geolicence build/release/bench-check
