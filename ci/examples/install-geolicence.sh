#!/usr/bin/env bash
# Installs geolicence's Debian package on Debian 12 (a CI image such as debian:12), with the
# dependencies apt-get finds in Debian (GDAL, poppler, ...): no compiler, no build.
#
#   install-geolicence.sh PACKAGE
#
# PACKAGE: a geolicence_<version>_amd64.deb file, or its URL (e.g. a release asset; set it as
# the CI variable GEOLICENCE_PACKAGE_URL). Packages are built with `bash ci/package.sh` from
# geolicence's sources.
set -euo pipefail

package=${1:?usage: install-geolicence.sh PACKAGE (a geolicence_<version>_amd64.deb file or URL)}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive

if [[ $package == http://* || $package == https://* ]]; then
  command -v curl >/dev/null || {
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends curl ca-certificates
  }
  download=$(mktemp -d)
  trap 'rm -rf "$download"' EXIT
  curl --fail --silent --show-error --location --output "$download/geolicence.deb" "$package"
  package="$download/geolicence.deb"
fi
[ -f "$package" ] || { echo "install-geolicence: $package: no such file" >&2; exit 2; }
# apt-get installs a local package (and resolves its dependencies) only from a path.
package=$(realpath "$package")
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "$package"
geolicence --version
