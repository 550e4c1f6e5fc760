"""End to end in the QGIS desktop (Xvfb): the sample project opened with the plugin loaded.
What a user would see is checked: the licences dock, the layout check QGIS runs before an
export, the warning before "Save Features As" and "Export Map to Image", and a clean exit
(unload() leaves QGIS as it found it; a crash would show in the exit code).

Usage: python3 desktop_e2e.py PLUGIN_DIR GEOLICENCE_BINARY WORK_DIR
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "qgis"))
from tally import Tally  # noqa: E402

GRB = "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden"


def main():
    plugin_dir, binary, work = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    sample = os.path.join(work, "sample")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR="/tmp")
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "resources/samples/make_sample.py"), sample],
                   check=True, env=env, capture_output=True)
    subprocess.run([binary, "bind", os.path.join(sample, "data/grb_gebouwen.gpkg"), "--licence",
                    "grb-art7-intern-gebruik", "--option", "valid_until=2030-12-31",
                    "--option", "publication_right=true"], check=True, capture_output=True)
    out = os.path.join(work, "probe.json")
    run = subprocess.run(["bash", os.path.join(HERE, "run_desktop_probe.sh"), plugin_dir, out,
                          os.path.join(sample, "natuurkaart.qgz")],
                         capture_output=True, text=True, timeout=400)
    tally = Tally()
    check = tally.check

    check(run.returncode == 0, f"QGIS run: exit {run.returncode}\n{run.stderr[-3000:]}")
    if not os.path.exists(out):
        check(False, "the probe wrote its result")
        return tally.finish()
    result = json.load(open(out, encoding="utf-8"))
    check("error" not in result, f"probe error: {result.get('error')}")
    check(result.get("project_opened") is True, "the sample project opens")
    check(result.get("dock") is True, "the Licences dock is there")
    rows = {row[0]: row for row in result.get("dock_rows", [])}
    ndff, grb = rows.get("NDFF waarnemingen"), rows.get("GRB gebouwen")
    check(ndff is not None and ndff[3].startswith("Not permitted") and "1 x 1 km" in ndff[3],
          f"the dock says NDFF may not be published exactly: {ndff}")
    check(grb is not None and grb[2] == "geopackage-metadata" and GRB in grb[4],
          f"the dock shows the GRB binding from the GeoPackage and its attribution: {grb}")
    check("geolicence_layout_licences" in result.get("layout_checks", []),
          "the layout check is registered with QGIS")
    check(result.get("settings_action") is True, "the settings action is in the menu")
    criticals = [r for r in result.get("layout_results", []) if r["type"] == "critical"]
    check(not any(GRB in r["text"] for r in criticals),
          f"the GRB attribution is not missing: the plugin put it on the layout: {criticals}")
    check(any("1 x 1 km" in r["text"] for r in criticals),
          "the layout check blocks the export of exact NDFF points")
    check(result.get("label_text") == GRB,
          f"the layout got its attribution label by itself: {result.get('label_text')!r}")
    check(result.get("aggregated_observations") == 2000,
          f"processing.run aggregated every observation: {result.get('aggregated_observations')}")
    after = {row[0]: row for row in result.get("dock_rows_after_aggregation", [])}
    cells = after.get("NDFF per km-hok")
    check(cells is not None and cells[2] == "geopackage-metadata" and cells[3] == "Permitted",
          f"the aggregated layer carries its licence and may be published: {cells} in {after}")
    check(result.get("criticals_before_pdf") == [],
          f"with km squares instead of points the layout passes: {result.get('criticals_before_pdf')}")
    pdf = result.get("pdf")
    check(bool(pdf) and os.path.exists(pdf), "the layout was exported to PDF")
    if pdf and os.path.exists(pdf):
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        check(" ".join(GRB.split()) in " ".join(text.split()),
              "pdftotext of the PDF contains the GRB attribution")
    shot = result.get("screenshot")
    check(bool(shot) and os.path.getsize(shot) > 10000, "a screenshot of the layout designer")
    for key, article in (("save_as", "bullet 10"), ("save_map_image", "bullet 4")):
        seen = result.get(key, {})
        check(seen.get("warning") and "NDFF waarnemingen" in seen["warning"]
              and "000_b5f211ad1171a64c.txt " + article in seen["warning"],
              f"{key}: a warning names layer and article before anything is written: {seen}")
        check(not seen.get("closed_by_probe"), f"{key}: the dialog was closed on Cancel: {seen}")
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
