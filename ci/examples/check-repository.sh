#!/usr/bin/env bash
# Checks every QGIS project and dataset in a repository with geolicence and writes the reports
# CI systems show: SARIF 2.1.0 (GitHub code scanning) and JUnit XML (GitLab and GitHub test
# reports), plus the text report, which is also printed. The GitLab and GitHub jobs beside this
# script run it; so does the test tests/ci_examples/check_repository_test.sh.
#
#   check-repository.sh [REPOSITORY] [REPORT_DIR]     (defaults: . and geolicence-reports)
#
# Environment: GEOLICENCE_ACTION (default publish), GEOLICENCE_STRICT=1 to fail on warnings
# too, GEOLICENCE (default: geolicence on PATH). For a QGIS Server / Lizmap deployment:
# GEOLICENCE_TARGET=web checks what each project's web services put out (datasets are judged
# through the projects that serve them), GEOLICENCE_CONTEXT=FILE.json gives the situation
# (e.g. {"purpose": "public-task"}), GEOLICENCE_PURPOSE overrides its purpose.
# Exit code: geolicence's: 0 nothing prohibited, 1 something prohibited, 3 a file could not be
# read (the reports are written in every case), 2 a usage error.
set -uo pipefail

repository=${1:-.}
reports=${2:-geolicence-reports}
action=${GEOLICENCE_ACTION:-publish}
geolicence=${GEOLICENCE:-geolicence}

if ! command -v "$geolicence" >/dev/null; then
  echo "check-repository: $geolicence is not installed (see install-geolicence.sh)" >&2
  exit 2
fi
mkdir -p "$reports" || exit 2

arguments=("$repository" --recursive)
if [ "${GEOLICENCE_TARGET:-layout}" = web ]; then
  arguments+=(--target web) # judged as published: no --action
else
  arguments+=(--action "$action")
fi
if [ -n "${GEOLICENCE_CONTEXT:-}" ]; then
  arguments+=(--context "$GEOLICENCE_CONTEXT")
fi
if [ -n "${GEOLICENCE_PURPOSE:-}" ]; then
  arguments+=(--purpose "$GEOLICENCE_PURPOSE")
fi
if [ "${GEOLICENCE_STRICT:-0}" = 1 ]; then
  arguments+=(--strict)
fi

"$geolicence" check "${arguments[@]}" --format sarif >"$reports/geolicence.sarif"
status=$?
if [ "$status" -eq 2 ] || [ "$status" -gt 3 ]; then
  exit "$status" # usage or internal error: no report worth publishing
fi
"$geolicence" check "${arguments[@]}" --format junit >"$reports/geolicence-junit.xml"
"$geolicence" check "${arguments[@]}" | tee "$reports/geolicence.txt"
echo "check-repository: reports in $reports (exit $status)" >&2
exit "$status"
