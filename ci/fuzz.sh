#!/usr/bin/env bash
# Runs every libFuzzer target for a while (default 300 s each) with AddressSanitizer and UBSan.
# A crash leaves its input in build/fuzz/crashes/<target>/: copy it into
# tests/fuzz/corpus/<target>/ so ctest replays it from then on.
# Usage: ci/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(project_reader profile_loader context_json pdf_check)

bash ci/install-deps.sh
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
for package in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$package"
done

cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
  -DGEOLICENCE_FUZZ=ON -DGEOLICENCE_BUILD_QGIS_PLUGIN=OFF -DGEOLICENCE_BUILD_BENCHMARKS=OFF \
  -DGEOLICENCE_TEST_WITH_QGIS=OFF >/dev/null
cmake --build build/fuzz -j2 --target "${targets[@]/#/fuzz_}"

status=0
for target in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$target
  crashes=build/fuzz/crashes/$target
  mkdir -p "$corpus" "$crashes"
  cp -n tests/fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
  echo "== fuzz_$target for ${seconds}s"
  if ! ./build/fuzz/tests/fuzz/fuzz_"$target" "$corpus" -max_total_time="$seconds" \
      -artifact_prefix="$crashes/" -print_final_stats=1 2>build/fuzz/"$target".log; then
    echo "fuzz_$target found a crash: see $crashes and build/fuzz/$target.log" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build/fuzz/"$target".log || true
done
exit $status
