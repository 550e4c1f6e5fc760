"""Validates every bundled licence profile against the published JSON Schema with an
independent implementation (python3-jsonschema), and checks that file names match ids."""
import json
import pathlib
import sys

import jsonschema


def main() -> int:
    schema = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    failures = 0
    files = sorted(pathlib.Path(sys.argv[2]).glob("*.json"))
    for path in files:
        profile = json.loads(path.read_text(encoding="utf-8"))
        for error in validator.iter_errors(profile):
            print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
            failures += 1
        if profile.get("id") != path.stem:
            print(f"{path}: id {profile.get('id')!r} does not match the file name")
            failures += 1
    if len(files) < 19:
        print(f"expected at least 19 profiles, found {len(files)}")
        failures += 1
    print(f"{len(files) - min(failures, len(files))} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
