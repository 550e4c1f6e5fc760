"""Validates the bindings `geolicence bind` writes (one licence, several licences derived from
inputs, an unlicensed input, a chain) and the sidecars of the sample repository (the form of
before several licences) against resources/licences/schema/licence-binding.schema.json with an
independent validator (python3-jsonschema). Bindings the reader refuses (both "licence" and
"licences", an empty list) must fail the schema too, so a schema that accepts anything cannot
pass this test.

Usage: validate_bindings.py GEOLICENCE SCHEMA SAMPLE_REPOSITORY
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

import jsonschema

EMPTY = '{"type": "FeatureCollection", "features": []}'


def bind(geolicence, *args):
    result = subprocess.run([geolicence, "bind", *args], capture_output=True, text=True,
                            timeout=60, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"bind {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


def main() -> int:
    geolicence, schema_path, sample = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    passed = failed = 0

    def verdict(name, document, expect_valid=True):
        nonlocal passed, failed
        problems = [f"{'/'.join(map(str, e.path))}: {e.message}"
                    for e in validator.iter_errors(document)]
        if bool(problems) != (not expect_valid):
            failed += 1
            print(f"FAIL {name}: " + ("; ".join(problems[:5]) if problems
                                       else "an invalid binding passed validation"))
        else:
            passed += 1
            print(f"ok   {name}")

    work = pathlib.Path(tempfile.mkdtemp(prefix="geolicence-bindings-"))
    try:
        for name in ("a.geojson", "b.geojson", "c.geojson", "out.geojson", "chain.geojson"):
            (work / name).write_text(EMPTY, encoding="utf-8")
        bind(geolicence, str(work / "a.geojson"), "--licence", "ndff-uitvoerportaal",
             "--option", "role=subscriber", "--option", "project_end=2027-03-31")
        bind(geolicence, str(work / "b.geojson"), "--licence", "grb-art10-commercieel",
             "--option", "publication_right=true", "--attribution", "Bron : GRB")
        one = json.loads((work / "a.geojson.licence.json").read_text(encoding="utf-8"))
        verdict("one licence", one)
        if "licence" not in one or "licences" in one:
            failed += 1
            print("FAIL one licence is not written in the single form")

        unlicensed = bind(geolicence, str(work / "out.geojson"), "--derived-from",
                          str(work / "a.geojson"), str(work / "b.geojson"),
                          str(work / "c.geojson"))
        derived = json.loads((work / "out.geojson.licence.json").read_text(encoding="utf-8"))
        verdict("several licences derived from inputs, one unlicensed", derived)
        if "c.geojson" not in unlicensed.stderr or len(derived.get("licences", [])) != 2 or \
                derived["derived_from"][2]["licences"] != []:
            failed += 1
            print("FAIL the unlicensed input is not named and recorded: " + unlicensed.stderr)

        bind(geolicence, str(work / "chain.geojson"), "--derived-from", str(work / "out.geojson"))
        chain = json.loads((work / "chain.geojson.licence.json").read_text(encoding="utf-8"))
        verdict("a chain of derivations", chain)

        for sidecar in sorted(pathlib.Path(sample).rglob("*.licence.json")):
            verdict(f"sample sidecar {sidecar.name}",
                    json.loads(sidecar.read_text(encoding="utf-8")))

        verdict("both licence and licences is rejected",
                {"licence": "vl-cc0", "licences": [{"licence": "vl-cc0"}]}, expect_valid=False)
        verdict("an empty licence list is rejected", {"licences": []}, expect_valid=False)
        broken = json.loads(json.dumps(derived))
        del broken["derived_from"][0]["source"]
        verdict("a derived_from entry without source is rejected", broken, expect_valid=False)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
