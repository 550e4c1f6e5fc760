#!/usr/bin/env bash
# Installs geolicence from a source checkout on Debian 12 (a CI image such as debian:12):
# the build dependencies by package name (idempotent), then a Release build of the CLI only
# (no tests, no QGIS plugin), installed under PREFIX.
#
#   install-geolicence.sh SOURCE_DIR [PREFIX]      (default PREFIX: /usr/local)
set -euo pipefail

source_dir=${1:?usage: install-geolicence.sh SOURCE_DIR [PREFIX]}
prefix=${2:-/usr/local}

packages=(g++ cmake ninja-build pkg-config nlohmann-json3-dev libvalijson-dev libcli11-dev
  libgdal-dev libproj-dev libgeos-dev libsqlite3-dev libpugixml-dev libzip-dev)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build="$source_dir/build/install"
cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DGEOLICENCE_BUILD_TESTS=OFF -DGEOLICENCE_BUILD_BENCHMARKS=OFF \
  -DGEOLICENCE_BUILD_QGIS_PLUGIN=OFF -DGEOLICENCE_WARNINGS_AS_ERRORS=OFF
cmake --build "$build" --target geolicence geolicence-gis -j "$(nproc)"
cmake --install "$build/cli" --prefix "$prefix"
"$prefix/bin/geolicence" --version
