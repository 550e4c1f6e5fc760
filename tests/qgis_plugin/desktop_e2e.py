"""End to end in the QGIS desktop (Xvfb): the sample project opened with the plugin loaded, and
what an analyst does done through the real menus, shortcuts and dialog buttons
(desktop_probe.py): the licences dock, the aggregate from every entry point, the Licence page,
the warnings before Save As, Copy Features and the map exports, the licence a saved copy
carries (checked with the CLI), the layout check and the attribution in the PDF; Processing
outputs carrying their inputs' licences however the algorithm runs (processing.run, the toolbox
dialog, a graphical model, batch mode), the warning before Save vector features to file, the
layout check before a layout is exported through Processing, and Paste Features. A second,
short run with QGIS in Dutch checks that the plugin speaks QGIS's language.

Usage: python3 desktop_e2e.py PLUGIN_DIR GEOLICENCE_BINARY WORK_DIR
"""
import datetime
import json
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "qgis"))
from tally import Tally  # noqa: E402

GRB = "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden"


def run_probe(plugin_dir, out, project, **env):
    return subprocess.run(["bash", os.path.join(HERE, "run_desktop_probe.sh"), plugin_dir, out, project],
                          capture_output=True, text=True, timeout=400, env=dict(os.environ, **env))


def main():
    plugin_dir, binary, work = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    sample = os.path.join(work, "sample")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR="/tmp")
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "resources/samples/make_sample.py"), sample],
                   check=True, env=env, capture_output=True)
    # The GRB use right ends in ten days: opening the project says so in the message bar.
    grb_until = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
    subprocess.run([binary, "bind", os.path.join(sample, "data/grb_gebouwen.gpkg"), "--licence",
                    "grb-art7-intern-gebruik", "--option", f"valid_until={grb_until}",
                    "--option", "publication_right=true"], check=True, capture_output=True)
    project = os.path.join(sample, "natuurkaart.qgz")
    out = os.path.join(work, "probe.json")
    run = run_probe(plugin_dir, out, project)
    tally = Tally()
    check = tally.check

    check(run.returncode == 0, f"QGIS run: exit {run.returncode}\n{run.stderr[-3000:]}")
    if not os.path.exists(out):
        check(False, "the probe wrote its result")
        return tally.finish()
    result = json.load(open(out, encoding="utf-8"))
    check("error" not in result, f"probe error: {result.get('error')}")
    check(result.get("plugin_library") == [os.path.join(os.path.realpath(plugin_dir), "libgeolicenceplugin.so")],
          f"QGIS loaded the plugin from the build, not an installed copy: {result.get('plugin_library')}")

    opened = result.get("open", {})
    check(opened.get("dirty") is False and opened.get("undo_count") == 0
          and opened.get("label_before_designer") is False,
          f"opening the project leaves it unmodified, with nothing on the undo stack: {opened}")
    check(result.get("dock") is True, "the Licences dock is there")
    rows = {row[0]: row for row in result.get("dock_rows", [])}
    ndff, grb = rows.get("NDFF waarnemingen"), rows.get("GRB gebouwen")
    check(ndff is not None and ndff[2] == "Aggregate first" and "1 x 1 km" in ndff[3],
          f"the panel says NDFF may be published only aggregated, and why: {ndff}")
    check(grb is not None and grb[1] == "GRB Art. 7" and "Licence set in: GeoPackage metadata" in grb[3]
          and GRB in grb[3] and "geopackage-metadata" not in grb[3],
          f"the panel shows GRB's short name, where its licence was set in words, and its attribution: {grb}")
    check(not any(".txt" in row[3] for row in rows.values()),
          f"no seed-file names as citations in the panel: {[row[3] for row in rows.values()]}")
    notices = result.get("expiry_notice", [])
    check(len(notices) == 1 and "GRB Art. 7" in notices[0]["text"] and grb_until in notices[0]["text"]
          and "GRB gebouwen" in notices[0]["text"] and "NDFF" not in notices[0]["text"],
          f"opening the project puts a notice in the message bar naming the licence that ends within "
          f"30 days, its date and its layer: {notices}")

    indicators = result.get("indicators", {})
    states = {name: (shown or {}).get("state") for name, shown in indicators.items()}
    check(states == {"NDFF waarnemingen": "aggregate-first", "GRB gebouwen": states.get("GRB gebouwen"),
                     "GRB verlopen": "stop-using", "Schets zonder licentie": "unlicensed"}
          and states.get("GRB gebouwen") not in (None, "aggregate-first", "stop-using", "unlicensed"),
          f"the layer tree tells aggregate-first, stop-using and unlicensed apart: {states}")
    icons = [(shown or {}).get("icon") for shown in indicators.values()]
    check(None not in icons and len(set(icons)) == len(icons),
          f"each state has its own icon: {[i[:16] if i else i for i in icons]}")
    expired_tip = (indicators.get("GRB verlopen") or {}).get("tooltip", "")
    check(expired_tip.startswith("Stop using this layer") and "G0" in expired_tip and ".txt" not in expired_tip,
          f"the expired layer's tooltip says stop using, with a readable clause: {expired_tip!r}")

    panel = result.get("panel", {})
    check(panel.get("dock_width", 999) <= 320 and panel.get("horizontal_scrollbar") is False
          and panel.get("header_length", 999) <= panel.get("viewport_width", 0),
          f"at a normal dock width the panel has no horizontal scrolling: {dict((k, v) for k, v in panel.items() if k != 'rows')}")
    heights = panel.get("row_heights", [])
    check(len(heights) == 4 and max(heights) < 40, f"rows are one compact line each: {heights}")
    check(panel.get("active_after_click") == "GRB gebouwen",
          f"a click on a row makes the layer current in the Layers panel: {panel.get('active_after_click')}")
    check("GRB gebouwen" in panel.get("details_after_click", "") and "Art. 7" in panel.get("details_after_click", ""),
          f"the detail area shows the clicked layer: {panel.get('details_after_click')!r}")
    check({"geolicenceOpenLicencePage", "geolicenceZoomToLayer", "geolicenceCopyDetails"}
          <= set(panel.get("context_menu", [])) and GRB in panel.get("copied", ""),
          f"the context menu opens the page, zooms, and copies the details: {panel.get('context_menu')} "
          f"{panel.get('copied')!r}")
    page = result.get("panel_licence_page", {})
    check(page.get("date_picker") is True and page.get("date") == grb_until and page.get("calendar_popup") is True
          and page.get("allows_unset") is True and page.get("closed") is True,
          f"a double-click opens the GRB Licence page with a date picker for valid_until: {page}")
    check(page.get("labels", {}).get("label_valid_until") == "Valid until *"
          and page.get("labels", {}).get("label_publication_right") == "Publication right granted",
          f"options have readable labels: {page.get('labels')}")
    for shot in (panel.get("screenshot"), page.get("screenshot")):
        check(bool(shot) and os.path.exists(shot) and os.path.getsize(shot) > 5000, f"screenshot {shot}")
    # `GEOLICENCE_UPDATE_SCREENSHOTS=1` refreshes the README's pictures from this run.
    if os.environ.get("GEOLICENCE_UPDATE_SCREENSHOTS") == "1":
        for shot in (panel.get("screenshot"), page.get("screenshot")):
            if shot and os.path.exists(shot):
                shutil.copy(shot, os.path.join(ROOT, "docs", "images", os.path.basename(shot)))
    criticals = [r for r in result.get("layout_results", []) if r["type"] == "critical"]
    check(any("1 x 1 km" in r["text"] for r in criticals),
          f"the layout check blocks the export of exact NDFF points: {criticals}")
    texts = [(r["title"], r["text"]) for r in result.get("layout_results", [])]
    check(len(texts) == len(set(texts)), f"each layout finding is shown once: {texts}")

    menu = result.get("aggregate_menu", {})
    check(menu.get("enabled_for_grb") is False and menu.get("enabled_for_ndff") is True,
          f"Plugins › geolicence › Aggregate follows the active layer: {menu}")
    check(menu.get("in_grb_context_menu") is False, f"GRB's context menu has no aggregate entry: {menu}")
    by_menu = result.get("aggregate_context_menu", {})
    check(by_menu.get("entry") is True and by_menu.get("loaded") is True,
          f"context menu › Aggregate to 1 km grid… › Run adds the aggregate to the project: {by_menu}")
    # Named as QGIS names outputs (after the file, with "Prefer output filename" on).
    loaded = result.get("aggregate_run_and_load", [])
    check(len(loaded) == 1 and "ndff_1km_run.gpkg" in loaded[0],
          f"processing.runAndLoadResults adds the aggregate: {loaded}")
    loaded = result.get("aggregate_model", [])
    check(len(loaded) == 1 and "ndff_1km_model.gpkg" in loaded[0],
          f"a model with the algorithm adds its output: {loaded}")
    after = {row[0]: row for row in result.get("dock_rows_after_aggregation", [])}
    cells = after.get("NDFF waarnemingen (1000 m grid)")
    check(cells is not None and "Licence set in: GeoPackage metadata" in cells[3]
          and cells[2] in ("Permitted", "OK, with duties"),
          f"the aggregated layer carries its licence and may be published: {cells} in {after}")

    grb_page = result.get("grb_licence_page", {})
    check(grb_page.get("licence") == "grb-art7-intern-gebruik"
          and "GeoPackage" in grb_page.get("source", "") and grb_page.get("page_shown") is True,
          f"the Licence page shows the GeoPackage binding and says where it comes from: {grb_page}")
    page = result.get("ndff_licence_page", {})
    check(page.get("ok_enabled_when_invalid") is False and page.get("open_after_ok") is True
          and "cell_size_m" in page.get("error", ""),
          f"an invalid option keeps the dialog open with the error: {page}")
    check('"cell_size_m":1000' in (page.get("options") or "") and page.get("closed") is True,
          f"a valid claim is saved with OK: {page}")
    claimed = [r for r in result.get("layout_results_with_claim", []) if r["type"] == "critical"]
    check(any("1 x 1 km" in r["text"] for r in claimed)
          and any("1000" in r["text"] and "exact" in r["text"] for r in claimed),
          f"with cell_size_m = 1000 claimed, the exact points still block the layout: {claimed}")

    for key in ("save_as_cancel", "save_as_aggregate", "save_features_as", "copy_features",
                "save_map_image", "save_map_pdf"):
        seen = result.get(key, {})
        check(bool(seen.get("warning")) and "NDFF waarnemingen" in seen["warning"]
              and "000_b5f211ad1171a64c.txt bullet 4" in seen["warning"],
              f"{key}: the warning names layer and article before anything is written: {seen}")
        check(not seen.get("drive", {}).get("timed_out") and not seen.get("drive", {}).get("error"),
              f"{key}: every step was done: {seen.get('drive')}")
    for key in ("save_as_cancel", "save_map_image", "save_map_pdf"):
        check(result.get(key, {}).get("closed") is True, f"{key}: Cancel closed the dialog")
    check(result.get("save_as_cancel", {}).get("offers_aggregation") is True,
          "the Save As warning offers to aggregate instead")
    check(bool(result.get("save_as_aggregate", {}).get("aggregate_dialog")),
          f"choosing to aggregate opens the aggregation: {result.get('save_as_aggregate')}")
    saved = result.get("save_features_as", {})
    check(saved.get("context_menu_entry") is True, "Export › Save Features As… is in the context menu")
    copy = saved.get("path", "")
    check(os.path.exists(copy), f"the copy was saved after Go on: {saved}")
    row = saved.get("dock_row") or []
    check(len(row) > 3 and "Licence set in: GeoPackage metadata" in row[3] and row[2] == "Aggregate first",
          f"the copy carries the licence (not 'unlicensed'): {row}")
    if os.path.exists(copy):
        verdict = subprocess.run([binary, "check", copy, "--action", "publish"],
                                 capture_output=True, text=True)
        check(verdict.returncode == 1 and "n4-no-exact-publish" in verdict.stdout,
              f"geolicence check on the copy says prohibited: {verdict.returncode} {verdict.stdout}")
    copied = result.get("copy_features", {})
    check(copied.get("clipboard_after_cancel") == "nothing copied yet",
          f"Copy Features: Cancel leaves nothing on the clipboard: {copied}")
    check("Point" in (copied.get("clipboard_after_go_on") or ""),
          f"Copy Features: going on copies the features: {copied}")
    check(not copied.get("shortcut_missed"), f"Ctrl+C reached the guard: {copied}")

    check(result.get("label_text") == GRB,
          f"the layout designer put the attribution label on the layout: {result.get('label_text')!r}")
    check(result.get("criticals_with_cells") == [],
          f"with km squares instead of points the layout passes: {result.get('criticals_with_cells')}")
    pdf = result.get("pdf")
    check(bool(pdf) and os.path.exists(pdf), "the layout was exported to PDF")
    if pdf and os.path.exists(pdf):
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        check(" ".join(GRB.split()) in " ".join(text.split()),
              "pdftotext of the PDF contains the GRB attribution")
    shot = result.get("screenshot")
    check(bool(shot) and os.path.getsize(shot) > 10000, "a screenshot of the layout designer")

    check_processing(result.get("processing", {}), binary, check)
    check_paste(result.get("paste", {}), check)

    # QGIS in Dutch, the plugin left at "as QGIS": its texts and the licences' are Dutch.
    out_nl = os.path.join(work, "probe-nl.json")
    run = run_probe(plugin_dir, out_nl, project, GEOLICENCE_PROBE_LOCALE="nl_NL",
                    GEOLICENCE_PROBE_MODE="language")
    check(run.returncode == 0 and os.path.exists(out_nl), f"QGIS in Dutch: exit {run.returncode}")
    if os.path.exists(out_nl):
        dutch = json.load(open(out_nl, encoding="utf-8"))
        check(dutch.get("settings_text") == "Instellingen…"
              and dutch.get("aggregate_text") == "Aggregeren naar 1 km-grid…",
              f"the plugin's menu follows QGIS's language: {dutch}")
        rows = {row[0]: row for row in dutch.get("dock_rows", [])}
        ndff_nl = rows.get("NDFF waarnemingen", ["", "", "", ""])
        check(ndff_nl[2] == "Eerst aggregeren" and "km" in ndff_nl[3] and "Licentie vastgelegd in" in ndff_nl[3],
              f"statuses and licence messages are Dutch: {ndff_nl}")
        check(dutch.get("dock_headers", [""])[0] == "Laag", f"headers are Dutch: {dutch.get('dock_headers')}")
    return tally.finish()

def derived_from(properties):
    """The provenance a layer's custom properties record: [(source, [licence ids], tool)]."""
    try:
        chain = json.loads((properties or {}).get("geolicence/derived_from") or "[]")
    except ValueError:
        return []
    return [(entry.get("source", ""), [l.get("licence") for l in entry.get("licences", [])],
             entry.get("tool", "")) for entry in chain]


def licence_ids(properties):
    properties = properties or {}
    if properties.get("geolicence/licences"):
        return [l.get("licence") for l in json.loads(properties["geolicence/licences"])]
    return [properties["geolicence/licence"]] if properties.get("geolicence/licence") else []


def cli_check(binary, path):
    """`geolicence check PATH --action publish` as JSON: (exit code, the layer's licence ids,
    its provenance sources, the duties' texts)."""
    run = subprocess.run([binary, "check", path, "--action", "publish", "--format", "json"],
                         capture_output=True, text=True)
    try:
        report = json.loads(run.stdout)
    except ValueError:
        return run.returncode, [], [], [], run.stdout + run.stderr
    licence = (report.get("layers") or [{}])[0].get("licence") or {}
    return (run.returncode, [l["licence"] for l in licence.get("licences", [])],
            [d["source"] for d in licence.get("derived_from", [])],
            [d.get("text") for d in report.get("duties", [])],
            [f.get("rule") for f in report.get("findings", [])])


def check_processing(seen, binary, check):
    """Processing outputs carry the licences of their inputs however the algorithm runs."""
    observations = "sample/data/waarnemingen.gpkg|layername=waarnemingen"
    buffer = seen.get("run_buffer")
    check(licence_ids(buffer) == ["ndff-uitvoerportaal"]
          and any(source.endswith(observations) and licences == ["ndff-uitvoerportaal"]
                  and tool == "QGIS Processing native:buffer"
                  for source, licences, tool in derived_from(buffer)),
          f"processing.run('native:buffer') on the NDFF layer gives an output bound to NDFF, derived "
          f"from the observations: {buffer}")
    row = seen.get("run_buffer_dock_row") or []
    check(len(row) > 3 and row[2] == "Aggregate first" and row[1].startswith("Derived")
          and "waarnemingen.gpkg" in row[3] and "native:buffer" in row[3],
          f"loaded, the buffer shows in the Licences panel as derived NDFF data, with its source: {row}")
    criticals = [r["text"] for r in seen.get("buffer_layout_results", []) if r["type"] == "critical"]
    check(any("1 x 1 km" in text for text in criticals),
          f"a layout rendering the buffer is blocked by the layout check: {criticals}")
    check("1 x 1 km" in (seen.get("buffer_pdf_refusal") or "") and seen.get("buffer_pdf_written") is False,
          f"native:printlayouttopdf of that layout is refused and writes no PDF: "
          f"{seen.get('buffer_pdf_refusal')!r} {seen.get('buffer_pdf_written')}")

    join = seen.get("join_path", "")
    code, licences, sources, duties, rules = cli_check(binary, join)[:5]
    check(code == 1 and licences == ["ndff-uitvoerportaal", "grb-art7-intern-gebruik"]
          and len(sources) == 2 and sources[1].endswith("grb_gebouwen.gpkg|layername=gebouwen")
          and GRB in duties and "n4-no-exact-publish" in rules,
          f"the join of NDFF points with GRB buildings (runAndLoadResults, to a GeoPackage) carries "
          f"both licences in its metadata and owes the GRB attribution: {code} {licences} {sources} {duties} {rules}")
    check(seen.get("join_layout_label") == GRB,
          f"a layout rendering the join gets the GRB attribution: {seen.get('join_layout_label')!r}")
    row = seen.get("join_dock_row") or []
    check(len(row) > 3 and "Licence set in: GeoPackage metadata" in row[3] and GRB in row[3],
          f"the loaded join shows both licences' duties in the panel: {row}")

    merged = derived_from(seen.get("merge"))
    check(licence_ids(seen.get("merge")) == ["ndff-uitvoerportaal"]
          and ("memory:Schets zonder licentie", [], "QGIS Processing native:mergevectorlayers") in merged,
          f"an unlicensed input is recorded as such, not dropped: {merged}")
    check(any("Schets zonder licentie" in m and "no licence" in m for m in seen.get("merge_messages", [])),
          f"and named in a warning: {seen.get('merge_messages')}")

    dialog = seen.get("dialog", {})
    check(not dialog.get("drive", {}).get("timed_out") and not dialog.get("drive", {}).get("error"),
          f"the toolbox dialog ran: {dialog.get('drive')}")
    code, licences, sources = cli_check(binary, dialog.get("path", ""))[:3]
    check(code == 1 and licences == ["ndff-uitvoerportaal"] and len(sources) == 1
          and sources[0].endswith(observations),
          f"the buffer run in the toolbox dialog (in the background) carries NDFF in its file: "
          f"{code} {licences} {sources}")
    row = dialog.get("dock_row") or []
    check(len(row) > 3 and row[2] == "Aggregate first" and "Licence set in: GeoPackage metadata" in row[3],
          f"the dialog's output, loaded, shows as NDFF data: {row}")

    model = seen.get("model", {})
    check(licence_ids(model.get("properties")) == ["ndff-uitvoerportaal"]
          and any(source.endswith(observations) and tool == f"QGIS Processing {model.get('id')}"
                  for source, _, tool in derived_from(model.get("properties"))),
          f"a graphical model's output (Run dialog, temporary layer) carries its input's licence: {model}")

    batch = seen.get("batch", {})
    check(batch.get("rows") == 2 and not batch.get("drive", {}).get("timed_out"),
          f"the batch dialog ran two rows: {batch}")
    paths = batch.get("paths", ["", ""])
    ndff_row, grb_row = cli_check(binary, paths[0]), cli_check(binary, paths[1])
    check(ndff_row[0] == 1 and ndff_row[1] == ["ndff-uitvoerportaal"]
          and grb_row[1] == ["grb-art7-intern-gebruik"] and GRB in grb_row[3],
          f"each batch row's output carries its own input's licence: {ndff_row[:4]} {grb_row[:4]}")

    batch_export = seen.get("batch_export_cancel", {})
    check("NDFF waarnemingen" in (batch_export.get("warning") or "") and batch_export.get("written") is False,
          f"a batch of Save vector features to file warns before any row runs, and Cancel runs none: {batch_export}")
    cancelled = seen.get("savefeatures_cancel", {})
    check("NDFF waarnemingen" in (cancelled.get("warning") or "")
          and "000_b5f211ad1171a64c.txt bullet 4" in cancelled.get("warning", "")
          and cancelled.get("written") is False,
          f"Save vector features to file warns before it runs, and Cancel writes nothing: {cancelled}")
    went = seen.get("savefeatures_go_on", {})
    code, licences = cli_check(binary, went.get("path", ""))[:2]
    check(bool(went.get("warning")) and code == 1 and licences == ["ndff-uitvoerportaal"],
          f"going on writes the file, which carries the licence: {code} {licences} {went.get('drive')}")
    console = seen.get("savefeatures_console", {})
    code, licences = cli_check(binary, console.get("path", ""))[:2]
    check(any("NDFF waarnemingen" in m and "bullet 4" in m for m in console.get("messages", []))
          and code == 1 and licences == ["ndff-uitvoerportaal"],
          f"processing.run of Save vector features to file warns in the message bar and its file "
          f"carries the licence: {console.get('messages')} {code} {licences}")
    dxf = seen.get("dxf", {})
    check(any("NDFF waarnemingen" in m and "bullet 4" in m for m in dxf.get("messages", []))
          and '"ndff-uitvoerportaal"' in (dxf.get("sidecar") or ""),
          f"a DXF export of the NDFF layer warns and the DXF gets a licence sidecar: {dxf}")


def check_paste(seen, check):
    target = seen.get("target")
    check(seen.get("pasted_features") == 3 and licence_ids(target) == ["vl-cc0", "ndff-uitvoerportaal"]
          and [source for source, _, _ in derived_from(target)][:1] == ["memory:Open plakdoel"]
          and any(source.endswith("waarnemingen.gpkg|layername=waarnemingen") and tool == "QGIS Paste Features"
                  for source, _, tool in derived_from(target)),
          f"Paste Features of NDFF points into an open-data layer makes it carry NDFF too, naming the "
          f"source: {seen.get('pasted_features')} {target}")
    row = seen.get("target_dock_row") or []
    check(len(row) > 2 and row[2] == "Aggregate first",
          f"the target is judged as NDFF data now: {row}")
    sketch = seen.get("shortcut_target")
    check(seen.get("shortcut_pasted_features") == 3 and licence_ids(sketch) == ["ndff-uitvoerportaal"]
          and ("memory:Schets om in te plakken", [], "QGIS Paste Features") in derived_from(sketch)
          and any("Schets om in te plakken" in m and "no licence" in m for m in seen.get("shortcut_messages", [])),
          f"Ctrl+V on the map into an unlicensed layer: it carries NDFF, and its earlier data is named "
          f"as unlicensed: {seen.get('shortcut_pasted_features')} {sketch} {seen.get('shortcut_messages')}")
    scratch = seen.get("scratch", {})
    check(licence_ids(scratch.get("properties")) == ["ndff-uitvoerportaal"],
          f"Paste Features as a new scratch layer: the new layer carries NDFF: {scratch}")


if __name__ == "__main__":
    sys.exit(main())
