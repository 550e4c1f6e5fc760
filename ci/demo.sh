#!/usr/bin/env bash
# The README's first command: installs what is needed, builds geolicence and runs it on bundled
# situations — what an analyst asks before publishing a map.
set -euo pipefail
cd "$(dirname "$0")/.."

bash ci/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target geolicence
geolicence=./build/release/cli/geolicence

show() {
  echo
  printf '$ geolicence'
  printf ' %q' "$@"
  echo
  # A prohibited decision exits 1; in a demo that is an answer, not a failure.
  "$geolicence" "$@" || [ $? -eq 1 ]
}

echo "== The licence catalog"
show licences list

echo
echo "== NDFF observations: may I publish the exact points? And aggregated to 1 km squares?"
show evaluate --licence ndff-uitvoerportaal --action publish
show evaluate --licence ndff-uitvoerportaal --action publish --cell-size 1000

echo
echo "== NDFF data to a contractor, for a project that ends on 31 March 2027"
show evaluate --licence ndff-uitvoerportaal --action share --recipient contractor \
  --option project_end=2027-03-31

echo
echo "== NDFF data to the competent authority: only in an exemption procedure (N6); unstated, it is conditional"
show evaluate --licence ndff-uitvoerportaal --action share --recipient competent-authority \
  --purpose exemption-procedure
show evaluate --licence ndff-uitvoerportaal --action share --recipient competent-authority

echo
echo "== GRB for a municipality's public task: a web map combined with own data, not downloadable"
show evaluate --licence grb-art5-oorspronkelijk-doel --action publish --purpose public-task \
  --combined-with-own-data --no-downloadable --lang nl

echo
echo "== GRB under the test-use right: exporting a map is not allowed"
show evaluate --licence grb-art6-testgebruik --action export --purpose test

echo
echo "== A paid GRB right (Art. 7) without its end date: conditional until valid_until is set"
show evaluate --licence grb-art7-intern-gebruik --action use-internal --purpose internal

echo
echo "== A Logius service on a public-task map: Logius is never named in the attribution"
show evaluate --licence logius-algemene-voorwaarden --action publish --purpose public-task

echo
echo "== OpenStreetMap data in a sold product (JSON for pipelines)"
show evaluate --licence odbl-1.0 --action sell --format json

echo
echo "== The bundled sample project: NDFF observations and GRB buildings on one print layout"
sample=build/sample
/usr/bin/python3 resources/samples/make_sample.py "$sample" >/dev/null 2>&1
show bind "$sample/data/grb_gebouwen.gpkg" --licence grb-art7-intern-gebruik \
  --option valid_until=2027-12-31 --option publication_right=true
show inspect "$sample/natuurkaart.qgz"
echo
echo "== May this layout be published? (exact NDFF points; the GRB source notice is missing)"
show check "$sample/natuurkaart.qgz" --action publish --layout "Natuurkaart A4"
echo
echo "== Handing the same layout's data to a contractor needs no label (duties belong to actions)"
show check "$sample/natuurkaart.qgz" --action share --recipient contractor --layout "Natuurkaart A4"
echo
echo "== The attribution block the layout must carry"
show attribution "$sample/natuurkaart.qgz" --layout "Natuurkaart A4"
echo
echo "== The same check as SARIF, for code-scanning in CI"
"$geolicence" check "$sample/natuurkaart.qgz" --action publish --layout "Natuurkaart A4" \
  --format sarif > "$sample/check.sarif" || [ $? -eq 1 ]
echo "(written to $sample/check.sarif)"

echo
echo "== The exact NDFF points may not be published; aggregated to the RD 1 km grid they may"
show aggregate "$sample/data/waarnemingen.gpkg" "$sample/waarnemingen_1km.gpkg" \
  --licence ndff-uitvoerportaal --group-by soort --sum aantal --min datum --max datum --overwrite
show check "$sample/waarnemingen_1km.gpkg" --action publish
echo
echo "== 500 m squares would be finer than the NDFF terms allow"
show aggregate "$sample/data/waarnemingen.gpkg" "$sample/waarnemingen_500m.gpkg" \
  --licence ndff-uitvoerportaal --cell-size 500
