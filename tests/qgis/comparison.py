"""Compares `geolicence inspect --format json` with what QGIS reads (oracle.py) for one project.

What is compared, and why some differences are expected:
- layer ids (exactly), and per layer its name and provider; the data source for file-based
  providers (ogr, gdal), which shows that relative paths are resolved as QGIS does (for
  embedded layers: against the project they come from);
- the visible layers (checked, in checked groups), in render order. QGIS leaves layers it
  does not take for spatial out of its layer order: tables without geometry, and in a QGIS
  1.x/2.x project any vector layer whose data is missing (those files do not store the
  geometry type, QGIS 3 files do). The reader keeps them (a check sees more, never less), so
  they are removed from our answer first (when QGIS has no spatial layer at all, it falls
  back to every checked layer, QgsMapThemeCollection::masterVisibleLayers, and so do we);
- the checked layers (as a set: whatever QGIS can render or not), and each map theme's layers;
- layouts by name; per map (matched by uuid) its stored layer set, lock and followed theme as
  read from the file, and the layers it renders. QGIS drops invalid layers
  (data that is missing here, servers it cannot reach) from what a map renders; a reader
  without QGIS cannot know validity, so invalid layers are removed from our answer first. Ids
  the project does not define are kept in ours (a check reports them) and removed here too;
- per layout the label texts (HTML labels as the text they show), and the atlas coverage.
  QGIS evaluates expressions in labels ([% now() %]); the reader keeps them as written (a
  label that builds an attribution with an expression is not taken for showing it), so a
  label with an expression is compared with QGIS's stored text instead.
Each comparison is one `check` on the tally; a failure message starts with the project name.
"""
import re

FILE_PROVIDERS = ("ogr", "gdal")


def _normal(text):
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def compare(name, ours, theirs, check):
    """Checks `ours` (inspect JSON) against `theirs` (oracle JSON); returns nothing."""
    if "error" in theirs:
        check(False, f"{name}: QGIS could not read it: {theirs['error']}")
        return
    their_layers = {l["id"]: l for l in theirs["layers"]}
    our_layers = {l["id"]: l for l in ours["layers"]}
    check(set(our_layers) == set(their_layers),
          f"{name}: layer ids differ: ours-only {sorted(set(our_layers) - set(their_layers))}, "
          f"QGIS-only {sorted(set(their_layers) - set(our_layers))}")
    for layer_id, layer in their_layers.items():
        mine = our_layers.get(layer_id)
        if mine is None:
            continue
        check(mine["name"] == layer["name"],
              f"{name}: {layer_id} name {mine['name']!r} != {layer['name']!r}")
        check(mine["provider"] == layer["provider"],
              f"{name}: {layer_id} provider {mine['provider']!r} != {layer['provider']!r}")
        if layer["provider"] in FILE_PROVIDERS:
            check(mine["source"] == layer["source"],
                  f"{name}: {layer_id} source {mine['source']!r} != {layer['source']!r}")
    spatial = {l["id"] for l in theirs["layers"] if l["spatial"]}
    visible = [i for i in ours["visible_layers"]
               if i in our_layers and (i in spatial or not spatial)]
    check(visible == theirs["visible"],
          f"{name}: visible layers: ours {visible} != QGIS {theirs['visible']}")

    ours_checked = {i for i in ours["visible_layers"] if i in our_layers}
    check(ours_checked == set(theirs["checked"]),
          f"{name}: checked layers: ours-only {sorted(ours_checked - set(theirs['checked']))}, "
          f"QGIS-only {sorted(set(theirs['checked']) - ours_checked)}")
    our_themes = {t["name"]: {i for i in t["layers"] if i in our_layers} for t in ours["themes"]}
    check(our_themes == {n: set(ids) for n, ids in theirs["themes"].items()},
          f"{name}: map themes differ: ours {our_themes} != QGIS {theirs['themes']}")

    valid = {l["id"] for l in theirs["layers"] if l["valid"]}
    our_layouts = {l["name"]: l for l in ours["layouts"]}
    their_names = [l["name"] for l in theirs["layouts"] if not l.get("report")]
    check(sorted(our_layouts) == sorted(their_names),
          f"{name}: layout names: ours {sorted(our_layouts)} != QGIS {sorted(their_names)}")
    for layout in theirs["layouts"]:
        mine = our_layouts.get(layout["name"])
        if mine is None or layout.get("report"):
            continue
        where = f"{name}: layout {layout['name']!r}"
        our_maps = {m["uuid"]: m for m in mine["maps"]}
        check(len(mine["maps"]) == len(layout["maps"]),
              f"{where}: {len(mine['maps'])} maps, QGIS {len(layout['maps'])}")
        # A QGIS 1.x map has no uuid: QGIS makes one up, and so does the reader. One such map
        # on each side is the same map.
        unmatched = [m for m in mine["maps"] if m["uuid"] not in {i["uuid"] for i in layout["maps"]}]
        for item in layout["maps"]:
            our_map = our_maps.get(item["uuid"])
            if our_map is None and len(unmatched) == 1:
                our_map = unmatched[0]
            if our_map is None:
                check(False, f"{where}: map {item['id']!r} ({item['uuid']}) missing")
                continue
            stored = [i for i in our_map["layer_set"] if i in our_layers]
            check(stored == item["layer_set"] and
                  our_map["keep_layer_set"] == item["keep_layer_set"] and
                  our_map["theme"] == item["theme"],
                  f"{where} map {item['id']!r}: stored set {stored}, lock "
                  f"{our_map['keep_layer_set']}, theme {our_map['theme']!r} != QGIS "
                  f"{item['layer_set']}, {item['keep_layer_set']}, {item['theme']!r}")
            rendered = [i for i in our_map["layers"] if i in valid]
            check(rendered == item["layers"],
                  f"{where} map {item['id']!r}: ours {rendered} != QGIS {item['layers']}")
        their_labels = sorted(_normal(label["raw"] if "[%" in label["raw"] else label["text"])
                              for label in layout["labels"])
        our_labels = sorted(_normal(text) for text in mine["labels"])
        check(our_labels == their_labels,
              f"{where}: labels: ours {our_labels} != QGIS {their_labels}")
        our_atlas = (mine["atlas"] or {}).get("coverage_layer", "")
        their_atlas = layout["atlas"]["coverage"] if layout["atlas"]["enabled"] else ""
        check(our_atlas == their_atlas,
              f"{where}: atlas coverage: ours {our_atlas!r} != QGIS {their_atlas!r}")
