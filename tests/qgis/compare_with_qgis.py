"""The project reader must read what QGIS reads. Builds the corpus with QGIS (make_corpus.py,
with the embedded-layer projects of embedded_corpus.py), asks QGIS (oracle.py) and
`geolicence inspect --format json` about every project and compares them (comparison.py).
Then the embedding projects are checked: each must get exactly the decision of the project its
layers come from, and one whose source project is gone must fail closed, naming the file. And
a QGIS 2.18 project's composers must get the decisions and attributions of QGIS's own QGIS 3
conversion of the same file.

Usage: python3 compare_with_qgis.py GEOLICENCE_BINARY WORK_DIR
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from comparison import compare  # noqa: E402
from tally import Tally  # noqa: E402


def qgis(script, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR="/tmp")
    result = subprocess.run(["/usr/bin/python3", os.path.join(HERE, script), *args],
                            capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"{script} failed:\n{result.stderr}")
    return result.stdout


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=60)


def check_embedding_decisions(binary, corpus, check):
    source = os.path.join(corpus, "bronnen", "bronproject.qgs")
    for action in ("publish", "share", "use-internal"):
        for layout in ([], ["--layout", "Kaart"]):
            args = ["--action", action, "--format", "json", *layout]
            expected = run(binary, "check", source, *args)
            check(expected.stdout.startswith("{"),
                  f"check {source} {' '.join(args)}: no report: {expected.stderr}")
            for name in ("ingebed.qgs", "ingebed.qgz", "ingebed uit qgz.qgs"):
                got = run(binary, "check", os.path.join(corpus, name), *args)
                check(got.returncode == expected.returncode and got.stdout == expected.stdout,
                      f"{name} {' '.join(args)}: exit {got.returncode} != source's "
                      f"{expected.returncode}, or another decision:\n{got.stdout}\n"
                      f"source:\n{expected.stdout}")
    # Hiding the observations in the embedding project takes them out of the publication.
    hidden = json.loads(run(binary, "check", os.path.join(corpus, "ingebed verborgen.qgs"),
                            "--action", "publish", "--format", "json").stdout)
    check(all(f["licence"] != "ndff-uitvoerportaal" for f in hidden["findings"]),
          f"ingebed verborgen.qgs: hidden observations still checked: {hidden['findings']}")
    # The source project is gone: an error on each embedded layer and group, naming the file.
    missing = os.path.join(corpus, "ingebed ontbrekend.qgs")
    result = run(binary, "check", missing, "--action", "publish", "--format", "json")
    check(result.returncode == 1, f"ingebed ontbrekend.qgs: exit {result.returncode}, want 1")
    decision = json.loads(result.stdout) if result.stdout else {"findings": []}
    unreadable = [f for f in decision["findings"] if f["rule"] == "unreadable-layer"]
    check(decision.get("decision") == "prohibited" and len(unreadable) == 2 and
          all(f["severity"] == "error" and "tijdelijk.qgs: no such file" in f["message"]
              for f in unreadable),
          f"ingebed ontbrekend.qgs: want two unreadable-layer errors naming tijdelijk.qgs: "
          f"{decision}")
    result = run(binary, "check", missing, "--action", "publish", "--strict")
    check(result.returncode == 1 and "tijdelijk.qgs: no such file" in result.stdout,
          f"ingebed ontbrekend.qgs (text): exit {result.returncode}: {result.stdout}")
    result = run(binary, "attribution", missing)
    check(result.returncode == 1 and "tijdelijk.qgs: no such file" in result.stderr,
          f"attribution ingebed ontbrekend.qgs: exit {result.returncode}: {result.stderr}")


def normalised(output):
    """A report with its findings, duties and their layers sorted: the converted layout lists
    its items in another order (QGIS writes them in stacking order), which orders the findings
    and the checked layers differently without changing them. Attribution texts keep their order."""
    try:
        report = json.loads(output)
    except ValueError:
        return output
    for duty in report.get("duties", []):
        duty["layers"] = sorted(duty["layers"])
    for key in ("findings", "duties", "layers"):
        report[key] = sorted(report.get(key, []), key=lambda item: json.dumps(item, sort_keys=True))
    return report


def check_composer_decisions(binary, corpus, check):
    """The QGIS 2.18 composers are checked as QGIS's own QGIS 3 conversion of them."""
    old = os.path.join(corpus, "kaart 2.18.qgs")
    new = os.path.join(corpus, "kaart 2.18 (QGIS 3).qgs")
    for layout in ("Kaart 2.18", "Kaart 2.18 2"):
        for command in (["check", "--action", "publish", "--format", "json", "--layout", layout],
                        ["check", "--action", "use-internal", "--format", "json",
                         "--layout", layout],
                        ["attribution", "--layout", layout]):
            ours = run(binary, command[0], old, *command[1:])
            theirs = run(binary, command[0], new, *command[1:])
            check(ours.stdout != "" and ours.returncode == theirs.returncode and
                  normalised(ours.stdout) == normalised(theirs.stdout),
                  f"kaart 2.18.qgs {' '.join(command)}: exit {ours.returncode} "
                  f"({ours.stderr.strip()}) != QGIS 3 conversion's {theirs.returncode}, or "
                  f"another answer:\n{ours.stdout}\nconversion:\n{theirs.stdout}")
    # Not vacuous: the labels of the first composer are found, the second has none.
    first = json.loads(run(binary, "check", old, "--action", "publish", "--format", "json",
                           "--layout", "Kaart 2.18").stdout)
    second = json.loads(run(binary, "check", old, "--action", "publish", "--format", "json",
                            "--layout", "Kaart 2.18 2").stdout)
    check(not any(f["rule"] == "attribution-missing" for f in first["findings"]),
          f"Kaart 2.18: its GRB and HTML OpenStreetMap labels not found: {first['findings']}")
    check(any(f["rule"] == "attribution-missing" for f in second["findings"]),
          f"Kaart 2.18 2: a layout without labels passed: {second['findings']}")
    texts = run(binary, "attribution", old, "--layout", "Kaart 2.18").stdout.splitlines()
    check(texts == ["Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie "
                    "verboden", "© OpenStreetMap contributors"],
          f"attribution --layout 'Kaart 2.18': {texts}")


def main():
    binary, work = sys.argv[1], os.path.abspath(sys.argv[2])
    corpus = os.path.join(work, "corpus")
    qgis("make_corpus.py", corpus)
    projects = sorted(os.path.join(folder, f) for folder, _, files in os.walk(corpus)
                      for f in files if f.endswith((".qgs", ".qgz")))
    oracle = json.loads(qgis("oracle.py", *projects))
    tally = Tally()
    for path in projects:
        name = os.path.relpath(path, corpus)
        result = run(binary, "inspect", path, "--format", "json")
        if not tally.check(result.returncode == 0,
                           f"{name}: inspect exit {result.returncode}: {result.stderr}"):
            continue
        compare(name, json.loads(result.stdout), oracle[path], tally.check)
    check_embedding_decisions(binary, corpus, tally.check)
    check_composer_decisions(binary, corpus, tally.check)
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
