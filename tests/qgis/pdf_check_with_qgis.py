"""`geolicence check MAP.pdf --project P --layout L` on PDFs that QGIS itself exported (headless):
a layout with its GRB attribution label passes; the same layout exported as one raster image
(no text layer, like text exported as outlines), and a layout without the label, fail with the
attribution named.

Usage: /usr/bin/python3 pdf_check_with_qgis.py GEOLICENCE_BINARY WORK_DIR
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tally import Tally  # noqa: E402

GRB = "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden"


def export_layouts(work):
    """Writes the project and three PDFs; returns {name: pdf path} and the project path."""
    from qgis.core import (QgsApplication, QgsLayoutExporter, QgsLayoutItemLabel,
                           QgsLayoutItemMap, QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout,
                           QgsProject, QgsRectangle, QgsRenderContext, QgsVectorLayer)
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    grb = QgsVectorLayer("Polygon?crs=EPSG:31370", "GRB gebouwen", "memory")
    grb.setCustomProperty("geolicence/licence", "grb-art7-intern-gebruik")
    grb.setCustomProperty("geolicence/options",
                          json.dumps({"valid_until": "2030-12-31", "publication_right": True}))
    project.addMapLayer(grb)

    def layout(name, with_label):
        item = QgsPrintLayout(project)
        item.initializeDefaults()
        item.setName(name)
        kaart = QgsLayoutItemMap(item)
        kaart.attemptMove(QgsLayoutPoint(10, 10))
        kaart.attemptResize(QgsLayoutSize(180, 120))
        kaart.setExtent(QgsRectangle(150000, 200000, 151000, 201000))
        kaart.setLayers([grb])
        item.addLayoutItem(kaart)
        if with_label:
            # A narrow label: QGIS wraps the text over three lines.
            label = QgsLayoutItemLabel(item)
            label.setText(GRB)
            label.attemptMove(QgsLayoutPoint(10, 140))
            label.attemptResize(QgsLayoutSize(60, 20))
            item.addLayoutItem(label)
        project.layoutManager().addLayout(item)
        return item

    pdfs = {}
    for name, with_label, outlines in (("Met bron", True, False), ("Zonder bron", False, False)):
        item = layout(name, with_label)
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
        pdfs[name] = os.path.join(work, name.replace(" ", "-") + ".pdf")
        assert QgsLayoutExporter(item).exportToPdf(pdfs[name], settings) == 0
    # QGIS 3.22 keeps a label's text as text even with TextFormatAlwaysOutlines; a PDF of the
    # whole layout as one image has no text layer either.
    raster = QgsLayoutExporter.PdfExportSettings()
    raster.rasterizeWholeImage = True
    pdfs["raster"] = os.path.join(work, "raster.pdf")
    exporter = QgsLayoutExporter(project.layoutManager().layoutByName("Met bron"))
    assert exporter.exportToPdf(pdfs["raster"], raster) == 0
    path = os.path.join(work, "kaart.qgz")
    assert project.write(path)
    return pdfs, path


def main():
    binary, work = sys.argv[1], os.path.abspath(sys.argv[2])
    os.makedirs(work, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
    pdfs, project = export_layouts(work)
    tally = Tally()
    check = tally.check

    def run(pdf, layout):
        done = subprocess.run([binary, "check", pdf, "--project", project, "--layout", layout,
                               "--format", "json"], capture_output=True, text=True, timeout=120)
        return done.returncode, done.stdout, done.stderr

    def missing(out):
        return [f for f in json.loads(out)["findings"] if f["rule"] == "attribution-missing-in-pdf"]

    code, out, err = run(pdfs["Met bron"], "Met bron")
    check(code == 0 and json.loads(out)["decision"] == "permitted",
          f"the PDF QGIS exported with the label passes: exit {code}\n{out}{err}")
    code, out, err = run(pdfs["Zonder bron"], "Zonder bron")
    found = missing(out) if code == 1 else []
    check(len(found) == 1 and GRB in found[0]["message"] and found[0]["layer_name"] == "GRB gebouwen",
          f"the PDF without the label fails, naming the GRB attribution: exit {code}\n{out}{err}")
    code, out, err = run(pdfs["raster"], "Met bron")
    found = missing(out) if code == 1 else []
    check(len(found) == 1 and "no text at all" in found[0]["message"],
          f"the PDF without a text layer fails and says why: exit {code}\n{out}{err}")
    # The PDF of one layout checked against another is still judged on what it shows.
    code, out, err = run(pdfs["Met bron"], "Zonder bron")
    check(code == 0, f"what counts is the PDF's text, not the labels: exit {code}\n{out}{err}")
    return tally.finish()


if __name__ == "__main__":
    sys.exit(main())
