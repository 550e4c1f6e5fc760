#!/usr/bin/env bash
# Runs ci/examples/check-repository.sh the way the GitLab and GitHub jobs do: geolicence
# installed (cmake --install of this build into a prefix, so the installed layout is what is
# tested), the repository as the working directory, on tests/data/sample_repository. Then
# checks the exit code, the reports against the published schemas, repository-relative paths
# in the SARIF, and that both job files parse and run the script with the reports it writes.
#
#   check_repository_test.sh CLI_BUILD_DIR
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cli_build=${1:?usage: check_repository_test.sh CLI_BUILD_DIR}
work=$(mktemp -d "${TMPDIR:-/tmp}/geolicence-ci-example-XXXXXX")
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
expect() { # NAME COMMAND...
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}

cmake --install "$cli_build" --prefix "$work/prefix" >/dev/null
cp -r "$root/tests/data/sample_repository" "$work/repository"
(cd "$work/repository" &&
  PATH="$work/prefix/bin:$PATH" bash "$root/ci/examples/check-repository.sh" . "$work/reports" \
    >"$work/out.txt" 2>"$work/err.txt")
status=$?

expect "exit 1: the sample repository holds exact NDFF points claimed as aggregated" \
  test "$status" -eq 1
for report in geolicence.sarif geolicence-junit.xml geolicence.txt; do
  expect "$report written" test -s "$work/reports/$report"
done
# veldwerk.qgs shows the exact points whose binding claims 1 km cells: measured, not believed,
# so that project is prohibited as the data file is.
expect "the text report is printed too" grep -q "4 files checked: 2 permitted, 2 prohibited" \
  "$work/out.txt"

/usr/bin/python3 - "$root/tests/data/schemas" "$work/reports" "$root/ci/examples" <<'PYTHON'
import json, pathlib, sys
import jsonschema, yaml
from lxml import etree
schemas, reports, examples = (pathlib.Path(p) for p in sys.argv[1:4])
failures = []
sarif = json.loads((reports / "geolicence.sarif").read_text())
schema = json.loads((schemas / "sarif-2.1.0-rtm.5.json").read_text())
failures += [f"SARIF: {e.message}" for e in jsonschema.Draft4Validator(schema).iter_errors(sarif)]
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]}
if "data/waarnemingen.geojson" not in uris or any(u.startswith(("/", "./")) for u in uris):
    failures.append(f"SARIF URIs are not repository-relative: {sorted(uris)}")
xsd = etree.XMLSchema(etree.parse(str(schemas / "junit-4.xsd")))
if not xsd.validate(etree.parse(str(reports / "geolicence-junit.xml"))):
    failures.append(f"JUnit: {xsd.error_log}")
gitlab = yaml.safe_load((examples / "gitlab-ci.yml").read_text())["geolicence"]
if "check-repository.sh . geolicence-reports" not in " ".join(gitlab["script"]) or \
        gitlab["artifacts"]["reports"]["junit"] != "geolicence-reports/geolicence-junit.xml":
    failures.append("gitlab-ci.yml does not run the script or publish its JUnit report")
github = yaml.safe_load((examples / "github-workflow.yml").read_text())
steps = github["jobs"]["licences"]["steps"]
runs = " ".join(step.get("run", "") for step in steps)
sarif_steps = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
if "check-repository.sh . geolicence-reports" not in runs or "install-geolicence.sh" not in runs \
        or not sarif_steps or sarif_steps[0]["with"]["sarif_file"] != "geolicence-reports/geolicence.sarif":
    failures.append("github-workflow.yml does not run the script or upload its SARIF report")
for failure in failures:
    print("FAIL " + failure)
print("ok   reports validate, SARIF paths are relative, job files run the script"
      if not failures else "")
sys.exit(1 if failures else 0)
PYTHON
expect "reports and job files" test $? -eq 0

expect "install-geolicence.sh is valid bash" bash -n "$root/ci/examples/install-geolicence.sh"

# A QGIS Server / Lizmap deployment (gitlab-ci-qgis-server.yml): GEOLICENCE_TARGET=web with the
# repository's context file, on tests/data/sample_deployment.
cp -r "$root/tests/data/sample_deployment" "$work/deployment"
(cd "$work/deployment" &&
  PATH="$work/prefix/bin:$PATH" GEOLICENCE_TARGET=web GEOLICENCE_CONTEXT=geolicence-context.json \
    bash "$root/ci/examples/check-repository.sh" . "$work/web-reports" \
    >"$work/web-out.txt" 2>"$work/web-err.txt")
status=$?
expect "web: exit 1, exact NDFF points served with Lizmap popups" test "$status" -eq 1
expect "web: GRB through WMS only with own data passes, NDFF is prohibited" \
  grep -q "2 files checked: 1 permitted, 1 prohibited" "$work/web-out.txt"
expect "web: the finding says what to change" \
  grep -q "aggregate the data to 1000 m cells first" "$work/web-out.txt"
/usr/bin/python3 - "$root/tests/data/schemas" "$work/web-reports" "$root/ci/examples" <<'PYTHON'
import json, pathlib, sys
import jsonschema, yaml
from lxml import etree
schemas, reports, examples = (pathlib.Path(p) for p in sys.argv[1:4])
failures = []
sarif = json.loads((reports / "geolicence.sarif").read_text())
schema = json.loads((schemas / "sarif-2.1.0-rtm.5.json").read_text())
failures += [f"SARIF: {e.message}" for e in jsonschema.Draft4Validator(schema).iter_errors(sarif)]
rules = {r["ruleId"] for r in sarif["runs"][0]["results"]}
if "ndff-uitvoerportaal/web-exact-positions" not in rules:
    failures.append(f"SARIF has no web-exact-positions result: {sorted(rules)}")
xsd = etree.XMLSchema(etree.parse(str(schemas / "junit-4.xsd")))
if not xsd.validate(etree.parse(str(reports / "geolicence-junit.xml"))):
    failures.append(f"JUnit: {xsd.error_log}")
job = yaml.safe_load((examples / "gitlab-ci-qgis-server.yml").read_text())["geolicence-web"]
if job["variables"].get("GEOLICENCE_TARGET") != "web" or \
        "install-geolicence.sh" not in " ".join(job["before_script"]) or \
        "check-repository.sh . geolicence-reports" not in " ".join(job["script"]) or \
        job["artifacts"]["reports"]["junit"] != "geolicence-reports/geolicence-junit.xml":
    failures.append("gitlab-ci-qgis-server.yml does not run the web check or publish its JUnit")
for failure in failures:
    print("FAIL " + failure)
sys.exit(1 if failures else 0)
PYTHON
expect "web: reports validate, the QGIS Server job runs the web check" test $? -eq 0
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
