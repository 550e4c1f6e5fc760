#!/usr/bin/env bash
# `geolicence aggregate` reading PostGIS through GDAL: a throwaway PostgreSQL 15 + PostGIS server
# (Unix socket in a temporary folder, no TCP port, removed at the end) gets the same
# observations as a GeoPackage; both aggregations must give identical rows. Also: a missing
# table and an unreachable database are input errors (exit 3) that name the source and never
# show its password.
#
# Usage: aggregate_from_postgis_test.sh GEOLICENCE_BINARY
set -euo pipefail
geolicence=$1
pg_bin=/usr/lib/postgresql/15/bin
for tool in "$pg_bin/initdb" "$pg_bin/pg_ctl" psql ogr2ogr ogrinfo; do
  command -v "$tool" >/dev/null || { echo "FAIL $tool is missing (bash ci/install-deps.sh)"; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/geolicence-postgis-XXXXXX")
chmod 755 "$work"
# PostgreSQL refuses to run as root: the server runs as the postgres user Debian creates.
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  as_server=(runuser -u postgres --)
  mkdir "$work/pg" && chown postgres "$work/pg"
else
  mkdir "$work/pg"
fi
port=$((20000 + RANDOM % 20000))
stop() {
  "${as_server[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT
"${as_server[@]}" "$pg_bin/initdb" -D "$work/pg/data" -A trust -U geolicence >/dev/null
"${as_server[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/log" \
  -o "-k $work/pg -p $port -c listen_addresses=''" start >/dev/null
psql -q -h "$work/pg" -p "$port" -U geolicence -d postgres -c "CREATE DATABASE waarnemingen"
psql -q -h "$work/pg" -p "$port" -U geolicence -d waarnemingen -c "CREATE EXTENSION postgis"
pg="PG:host=$work/pg port=$port user=geolicence dbname=waarnemingen"

# 20,000 NDFF-like points (centimetres, a few on cell edges), in a GeoPackage and in PostGIS.
awk 'BEGIN {
  srand(7); print "x,y,soort,aantal,waarnemer"
  for (i = 0; i < 20000; i++) {
    x = 13000 + rand() * 265000; y = 307000 + rand() * 313000
    if (i % 10 == 0) x = int(x / 1000) * 1000
    printf "%.2f,%.2f,soort %d,%d,waarnemer %d\n", x, y, int(rand() * 40), 1 + int(rand() * 9), i
  }
}' > "$work/obs.csv"
echo '"Real","Real","String","Integer","String"' > "$work/obs.csvt"
ogr2ogr -f GPKG "$work/obs.gpkg" "$work/obs.csv" -nln waarnemingen -a_srs EPSG:28992 \
  -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y -oo KEEP_GEOM_COLUMNS=NO
ogr2ogr -f PostgreSQL "$pg" "$work/obs.gpkg" -nln waarnemingen -lco GEOMETRY_NAME=geom

passed=0
failed=0
check() { # check WHAT COMMAND...: the command's success is the check's
  local what=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $what"; fi
}
rows() { # the rows of an aggregated GeoPackage, sorted, as text
  ogrinfo -q -ro "$1" -sql "SELECT cell_code, soort, n_obs, sum_aantal FROM \"$2\" ORDER BY 1, 2" |
    grep -E "^  (cell_code|soort|n_obs|sum_aantal)" | paste - - - -
}

for source in "$work/obs.gpkg" "$pg"; do
  name=$([ "$source" = "$pg" ] && echo uit-postgis || echo uit-geopackage)
  status=0
  "$geolicence" aggregate "$source" "$work/$name.gpkg" --layer waarnemingen --group-by soort \
    --sum aantal --licence ndff-uitvoerportaal --report "$work/$name.json" \
    >"$work/$name.out" 2>"$work/$name.err" || status=$?
  check "aggregate from $name: exit $status: $(cat "$work/$name.err")" test "$status" -eq 0
done
read_pg=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['features_read'])" \
  "$work/uit-postgis.json" 2>/dev/null || echo "?")
check "every PostGIS feature was read: $read_pg" test "$read_pg" = 20000
rows "$work/uit-geopackage.gpkg" uit-geopackage > "$work/gpkg.rows" || true
rows "$work/uit-postgis.gpkg" uit-postgis > "$work/pg.rows" || true
same_rows() { [ -s "$work/pg.rows" ] && cmp -s "$work/gpkg.rows" "$work/pg.rows"; }
check "PostGIS and GeoPackage input give the same rows ($(wc -l < "$work/pg.rows") rows)" same_rows
publishable() { "$geolicence" check "$work/uit-postgis.gpkg" --action publish >/dev/null 2>&1; }
check "the aggregate of the PostGIS layer may be published (bound to NDFF at 1 km)" publishable

# Errors name the source, say what is wrong and leave nothing behind.
status=0
err=$("$geolicence" aggregate "$pg" "$work/geen.gpkg" --layer bestaat_niet 2>&1 >/dev/null) || status=$?
missing_table() { [ "$status" -eq 3 ] && [[ "$err" == *bestaat_niet* ]] && [ ! -e "$work/geen.gpkg" ]; }
check "a missing PostGIS table is an input error naming it: exit $status: $err" missing_table
status=0
err=$("$geolicence" aggregate "PG:host=$work/pg port=$port user=geolicence password=geheim dbname=weg" \
  "$work/geen.gpkg" 2>&1 >/dev/null) || status=$?
unreachable() {
  [ "$status" -eq 3 ] && [[ "$err" != *geheim* ]] && [[ "$err" == *dbname=weg* ]] &&
    [ ! -e "$work/geen.gpkg" ] && [ "$(echo "$err" | wc -l)" -eq 1 ]
}
check "an unreachable database is one input error line without the password: exit $status: $err" unreachable

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
