"""Validates what `geolicence check --format sarif|junit` prints against the published schemas
(tests/data/schemas: OASIS SARIF 2.1.0 and the Jenkins JUnit XSD), for a folder, a project with
a layout, a dataset and an unreadable file, with independent validators (python3-jsonschema,
python3-lxml). A deliberately broken copy of each report must fail, so a validator that accepts
anything cannot pass this test.

Usage: validate_reports.py GEOLICENCE SCHEMA_DIR SAMPLE_REPOSITORY
"""
import copy
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

import jsonschema
from lxml import etree


def run(geolicence, *args):
    result = subprocess.run([geolicence, "check", *args], capture_output=True, text=True,
                            timeout=120, check=False)
    if result.returncode not in (0, 1, 3):
        raise RuntimeError(f"check {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout


def main() -> int:
    geolicence, schema_dir, sample = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    sarif_schema = json.loads((schema_dir / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(sarif_schema)
    sarif_validator = jsonschema.Draft4Validator(sarif_schema)
    junit_schema = etree.XMLSchema(etree.parse(str(schema_dir / "junit-4.xsd")))

    work = pathlib.Path(tempfile.mkdtemp(prefix="geolicence-reports-"))
    try:
        repository = work / "repository"
        shutil.copytree(sample, repository)
        (repository / "maps" / "kapot.qgz").write_bytes(b"PK\x03\x04 truncated")
        situations = {
            "folder with an unreadable file": [str(repository), "--recursive", "--action",
                                               "publish"],
            "project with a layout": [str(repository / "maps" / "verspreidingskaart.qgs"),
                                      "--action", "publish", "--layout", "Verspreiding A4"],
            "project, strict": [str(repository / "maps" / "veldwerk.qgs"), "--action", "sell",
                                "--strict"],
            "dataset": [str(repository / "data" / "waarnemingen.geojson"), "--action",
                        "publish"],
        }
        passed = failed = 0

        def verdict(name, problems, expect_valid=True):
            nonlocal passed, failed
            if bool(problems) != (not expect_valid):
                failed += 1
                print(f"FAIL {name}: " + ("; ".join(problems[:5]) if problems
                                           else "a broken report passed validation"))
            else:
                passed += 1
                print(f"ok   {name}")

        for name, args in situations.items():
            sarif = json.loads(run(geolicence, *args, "--format", "sarif"))
            problems = [f"{'/'.join(map(str, e.path))}: {e.message}"
                        for e in sarif_validator.iter_errors(sarif)]
            if not sarif["runs"][0]["results"]:
                problems.append("no results to validate")
            verdict(f"SARIF, {name}", problems)

            junit = etree.fromstring(run(geolicence, *args, "--format", "junit").encode())
            problems = [] if junit_schema.validate(junit) else [
                str(e) for e in junit_schema.error_log]
            verdict(f"JUnit, {name}", problems)

        # Negative controls: the validators must see a broken report.
        broken = copy.deepcopy(sarif)
        broken["runs"][0]["results"][0]["level"] = "fatal"
        del broken["version"]
        verdict("SARIF with a bad level and no version is rejected",
                list(sarif_validator.iter_errors(broken)), expect_valid=False)
        broken_junit = copy.deepcopy(junit)
        broken_junit.find(".//testcase").attrib.pop("name")
        verdict("JUnit test case without a name is rejected",
                [] if junit_schema.validate(broken_junit) else ["invalid"], expect_valid=False)
    finally:
        shutil.rmtree(work)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
