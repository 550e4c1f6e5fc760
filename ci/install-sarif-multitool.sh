#!/usr/bin/env bash
# Installs Microsoft's SARIF Multitool (the reference SARIF validator; npm package
# @microsoft/sarif-multitool-linux, a self-contained .NET program) into build/tools/, for the
# ctest schema.sarif_multitool. Idempotent: nothing is fetched when it is already there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=5.7.0
tools="$root/build/tools/sarif-multitool-$version"
program="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ -x "$program" ]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends npm
fi
mkdir -p "$tools"
npm install --prefix "$tools" --no-audit --no-fund --loglevel=error \
  "@microsoft/sarif-multitool-linux@$version" >/dev/null
# npm does not run the package's own postinstall step (chmod) unless scripts are allowed.
chmod u+x "$program"
echo "install-sarif-multitool: $program"
