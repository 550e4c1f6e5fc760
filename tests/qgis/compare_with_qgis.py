"""The project reader must read what QGIS reads. Builds the corpus with QGIS, asks QGIS
(oracle.py) and `geolicence inspect --format json` about every project, and compares layer
ids, names, providers and the layers every layout map renders.

Usage: python3 compare_with_qgis.py GEOLICENCE_BINARY WORK_DIR
QGIS drops invalid layers (here: network layers that cannot connect) from what a map renders;
a reader without QGIS cannot know validity, so those are removed from its answer first.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tally import Tally  # noqa: E402


def qgis(script, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR="/tmp")
    result = subprocess.run(["/usr/bin/python3", os.path.join(HERE, script), *args],
                            capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"{script} failed:\n{result.stderr}")
    return result.stdout


def main():
    binary, work = sys.argv[1], os.path.abspath(sys.argv[2])
    corpus = os.path.join(work, "corpus")
    qgis("make_corpus.py", corpus)
    projects = sorted(os.path.join(corpus, f) for f in os.listdir(corpus)
                      if f.endswith((".qgs", ".qgz")))
    oracle = json.loads(qgis("oracle.py", *projects))
    tally = Tally()
    check = tally.check

    for path in projects:
        expected = oracle[path]
        name = os.path.basename(path)
        result = subprocess.run([binary, "inspect", path, "--format", "json"],
                                capture_output=True, text=True, timeout=60)
        check(result.returncode == 0, f"{name}: inspect exit {result.returncode}: {result.stderr}")
        if result.returncode != 0:
            continue
        ours = json.loads(result.stdout)
        theirs_layers = {l["id"]: l for l in expected["layers"]}
        our_layers = {l["id"]: l for l in ours["layers"]}
        check(set(our_layers) == set(theirs_layers),
              f"{name}: layer ids differ: ours-only {set(our_layers) - set(theirs_layers)}, "
              f"QGIS-only {set(theirs_layers) - set(our_layers)}")
        for layer_id, layer in theirs_layers.items():
            mine = our_layers.get(layer_id)
            if mine is None:
                continue
            check(mine["name"] == layer["name"], f"{name}: {layer_id} name {mine['name']!r} != {layer['name']!r}")
            check(mine["provider"] == layer["provider"],
                  f"{name}: {layer_id} provider {mine['provider']!r} != {layer['provider']!r}")
        valid = {l["id"] for l in expected["layers"] if l["valid"]}
        our_layouts = {l["name"]: l for l in ours["layouts"]}
        check(set(our_layouts) == {l["name"] for l in expected["layouts"]}, f"{name}: layout names differ")
        for layout in expected["layouts"]:
            mine = our_layouts.get(layout["name"])
            if mine is None:
                continue
            our_maps = {m["id"]: m for m in mine["maps"]}
            for item in layout["maps"]:
                if item["id"] not in our_maps:
                    check(False, f"{name}: layout {layout['name']!r} map {item['id']!r} missing")
                    continue
                rendered = [i for i in our_maps[item["id"]]["layers"] if i in valid]
                check(rendered == item["layers"],
                      f"{name}: layout {layout['name']!r} map {item['id']!r}: ours {rendered} != QGIS {item['layers']}")
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
