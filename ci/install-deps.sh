#!/usr/bin/env bash
# Installs every Debian 12 package geolicence builds, tests and runs with. Idempotent: packages
# already installed are left alone, and apt is not touched at all when nothing is missing.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config clang-format
  # core and CLI
  nlohmann-json3-dev libvalijson-dev libcli11-dev
  # GIS: vector I/O, GeoPackage metadata
  libgdal-dev gdal-bin
  # grid aggregation: PROJ and GEOS (through GDAL), SQLite (GeoPackage output), the bench's timer
  libproj-dev libgeos-dev libsqlite3-dev time
  # QGIS projects without QGIS: XML and .qgz (zip)
  libpugixml-dev libzip-dev
  # exported maps (check MAP.pdf): poppler's C++ API; qpdf makes a password-protected test PDF
  libpoppler-cpp-dev qpdf
  # libzip's CMake package refuses to load unless its command-line tools are installed too
  zipcmp zipmerge ziptool
  # aggregation from PostGIS through GDAL: a throwaway server started by the test itself
  postgresql-15 postgresql-15-postgis-3
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  # the schema is also checked with an independent validator, and so are the SARIF (JSON Schema)
  # and JUnit (XSD) reports; the CI examples' workflow files are parsed as YAML
  python3 python3-jsonschema python3-lxml python3-yaml
  # the project reader is compared with the real QGIS, headless
  python3-qgis qgis-providers python3-gdal
  # the QGIS plugin: built against QGIS 3.22 and Qt 5, tested headless and in the desktop
  libqgis-dev qgis qttools5-dev-tools xvfb poppler-utils
  # Debian packages (ci/package.sh): man pages from --help, package checks
  help2man lintian dpkg-dev fakeroot man-db
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
