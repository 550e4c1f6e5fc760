"""The reader on real projects nobody here wrote (tests/data/real_projects/, origins and licences
in its SOURCES.md): `geolicence inspect --format json` against what QGIS 3.22 reads from the
same file (oracle.py, compared by comparison.py). Their data files are not in the repository,
so QGIS finds most layers invalid; the comparison allows for that (see comparison.py).
Differences that are artefacts of this setting, not reader errors, are listed with their
reason in known_differences.json: each must still occur (a fixed one is removed from the list),
and any other difference fails.

Usage: /usr/bin/python3 compare_real_projects.py GEOLICENCE_BINARY PROJECTS_DIR
Prints the agreement: projects that agree in everything compared, and the checks passed.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from comparison import compare  # noqa: E402
from tally import Tally  # noqa: E402


def main():
    binary, folder = sys.argv[1], os.path.abspath(sys.argv[2])
    projects = sorted(os.path.join(root, f) for root, _, files in os.walk(folder)
                      for f in files if f.endswith((".qgs", ".qgz")))
    with open(os.path.join(folder, "known_differences.json"), encoding="utf-8") as f:
        known = json.load(f)["differences"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR="/tmp")
    result = subprocess.run(["/usr/bin/python3", os.path.join(HERE, "oracle.py"), *projects],
                            capture_output=True, text=True, env=env, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"oracle.py failed:\n{result.stderr}")
    oracle = json.loads(result.stdout)

    tally = Tally()
    seen_known = set()
    agreeing = 0
    for path in projects:
        name = os.path.relpath(path, folder)
        failures = []

        def check(condition, what):
            if condition:
                tally.check(True, what)
                return True
            for entry in known:
                if what.startswith(entry["difference"]):
                    seen_known.add(entry["difference"])
                    print(f"known: {what}  ({entry['reason']})")
                    return False
            failures.append(what)
            return tally.check(False, what)

        run = subprocess.run([binary, "inspect", path, "--format", "json"],
                             capture_output=True, text=True, timeout=60)
        if "error" in oracle[path]:
            # A broken file (some test fixtures are cut short): both must refuse it.
            check(run.returncode == 3, f"{name}: QGIS refuses it ({oracle[path]['error']}), "
                                       f"inspect exit {run.returncode}")
        elif check(run.returncode == 0, f"{name}: inspect exit {run.returncode}: {run.stderr}"):
            compare(name, json.loads(run.stdout), oracle[path], check)
        agreeing += 0 if failures or any(
            e["difference"].startswith(name + ":") for e in known) else 1
    for entry in known:
        tally.check(entry["difference"] in seen_known,
                    f"known difference no longer occurs (remove it): {entry['difference']}")
    print(f"agreement: {agreeing} of {len(projects)} real projects agree with QGIS 3.22 in "
          f"everything compared; {len(known)} known differences")
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
