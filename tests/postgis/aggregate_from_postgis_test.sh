#!/usr/bin/env bash
# `geolicence aggregate` on PostGIS: a throwaway PostgreSQL 15 + PostGIS server (Unix socket in a
# temporary folder, no TCP port, removed at the end).
#  - The same observations in a GeoPackage and in PostGIS give identical rows (PostGIS grouped
#    in the database: pushdown).
#  - Pushdown and --no-pushdown (the features read and grouped here) give identical rows and
#    identical accounting on a table made to be hard: points exactly on cell edges and just
#    below them, a denormal coordinate, the North Sea outside RD's area of use, null, empty,
#    infinite and out-of-range geometries, lines, polygons (one invalid, one exactly a cell
#    wide), multipoints and collections, group-by text and boolean with nulls, integer and
#    bigint sums, minima and maxima of reals (with NaN and -0) and dates, with and without a
#    minimum count; also through a view and a table in another schema; and on a point column
#    (its own, lean query) with points on and beyond the edges of the 32-bit cell range.
#  - What SQL cannot do the same way is read here instead, with the reason in the report:
#    curves, a table in another CRS, sums of reals.
#  - A missing table and an unreachable database are input errors (exit 3) that name the source
#    and never show its password.
#
# Usage: aggregate_from_postgis_test.sh GEOLICENCE_BINARY
set -euo pipefail
geolicence=$1
pg_bin=/usr/lib/postgresql/15/bin
for tool in "$pg_bin/initdb" "$pg_bin/pg_ctl" psql ogr2ogr python3; do
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
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}
trap stop EXIT
"${as_server[@]}" "$pg_bin/initdb" -D "$work/pg/data" -A trust -U geolicence >/dev/null
"${as_server[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/log" \
  -o "-k $work/pg -p $port -c listen_addresses=''" start >/dev/null
sql() { psql -q -v ON_ERROR_STOP=1 -h "$work/pg" -p "$port" -U geolicence -d waarnemingen "$@"; }
psql -q -h "$work/pg" -p "$port" -U geolicence -d postgres -c "CREATE DATABASE waarnemingen"
sql -c "CREATE EXTENSION postgis"
pg="PG:host=$work/pg port=$port user=geolicence dbname=waarnemingen"

passed=0
failed=0
check() { # check WHAT COMMAND...: the command's success is the check's
  local what=$1
  shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $what"; fi
}
# A value from a JSON report: report FILE KEY [KEY...]
report() {
  python3 -c 'import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2:]:
    value = value[key]
print(json.dumps(value))' "$@"
}
# Runs geolicence aggregate; NAME.gpkg, NAME.json, NAME.err in $work. Fails the check on exit != 0.
aggregate() { # aggregate NAME INPUT ARGS...
  local name=$1 input=$2 status=0
  shift 2
  "$geolicence" aggregate "$input" "$work/$name.gpkg" --report "$work/$name.json" --overwrite \
    "$@" >"$work/$name.out" 2>"$work/$name.err" || status=$?
  check "aggregate $name: exit $status: $(cat "$work/$name.err")" test "$status" -eq 0
}
# Identical rows in two aggregated GeoPackages, both non-empty: every column, values exactly
# (reals by repr, the geometry blob in hex, last), in order. The rows go to A.rows and B.rows.
same() { # same A B
  python3 - "$work/$1" "$work/$2" <<'EOF'
import sqlite3, sys
dumps = []
for name in sys.argv[1:]:
    db = sqlite3.connect(name + ".gpkg")
    table = db.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
    columns = [c[1] for c in db.execute(f'PRAGMA table_info("{table}")')
               if c[1] not in ("fid", "geom")] + ["geom"]
    quoted = ", ".join('"' + c + '"' for c in columns)
    dump = "".join("|".join(v.hex() if isinstance(v, bytes) else repr(v) for v in row) + "\n"
                   for row in db.execute(f'SELECT {quoted} FROM "{table}" ORDER BY fid'))
    open(name + ".rows", "w").write(dump)
    dumps.append(dump)
sys.exit(0 if dumps[0] and dumps[0] == dumps[1] else 1)
EOF
}
same_accounting() { # same_accounting A B: every counter of the two reports
  python3 - "$work/$1.json" "$work/$2.json" <<'EOF'
import json, sys
a, b = (json.load(open(name)) for name in sys.argv[1:])
keys = ["features_read", "features_used", "observations", "observations_written",
        "observations_suppressed", "rows_written", "rows_suppressed", "cells_written",
        "larger_than_cell", "outside_area_of_use", "skipped", "conserved"]
different = [f"{key}: {a[key]} vs {b[key]}" for key in keys if a[key] != b[key]]
print("\n".join("  " + line for line in different), end="\n" if different else "")
sys.exit(1 if different else 0)
EOF
}
# The reports are pretty-printed JSON, a key and its value on a line.
pushed() { grep -q "^  \"pushed_down\": $2,\$" "$work/$1.json"; }
note_says() { grep "^  \"pushdown_note\": " "$work/$1.json" | grep -q "$2"; }

# 1. 20,000 NDFF-like points (centimetres, a few on cell edges), in a GeoPackage and in PostGIS.
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

for source in "$work/obs.gpkg" "$pg"; do
  name=$([ "$source" = "$pg" ] && echo uit-postgis || echo uit-geopackage)
  aggregate "$name" "$source" --layer waarnemingen --group-by soort --sum aantal \
    --licence ndff-uitvoerportaal
done
check "every PostGIS feature was read: $(report "$work/uit-postgis.json" features_read)" \
  test "$(report "$work/uit-postgis.json" features_read)" = 20000
check "the PostGIS table was grouped in the database" pushed uit-postgis true
check "PostGIS (pushdown) and GeoPackage input give the same rows" same uit-geopackage uit-postgis
publishable() { "$geolicence" check "$work/uit-postgis.gpkg" --action publish >/dev/null 2>&1; }
check "the aggregate of the PostGIS layer may be published (bound to NDFF at 1 km)" publishable

# 2. A table made to be hard, grouped in the database and here.
sql <<'EOF'
CREATE TABLE randen (id serial PRIMARY KEY, geom geometry(Geometry, 28992), soort text,
  aantal integer, groot bigint, hoogte double precision, datum date, geteld boolean);
DO $$ BEGIN PERFORM setseed(0.42); END $$;
INSERT INTO randen (geom, soort, aantal, groot, hoogte, datum, geteld)
SELECT ST_SetSRID(ST_MakePoint(
         CASE WHEN i % 5 = 0 THEN floor(x / 1000) * 1000 ELSE x END,
         CASE WHEN i % 7 = 0 THEN floor(y / 1000) * 1000 ELSE y END), 28992),
       CASE WHEN i % 11 = 0 THEN NULL ELSE 'soort ' || (i % 6) END,
       1 + i % 9,
       1099511627776 * (1 + i % 5) + i,
       CASE WHEN i % 13 = 0 THEN 'NaN'::float8 WHEN i % 17 = 0 THEN '-0'::float8
            ELSE round((random() * 100)::numeric, 2)::float8 END,
       CASE WHEN i % 3 = 0 THEN NULL ELSE DATE '2015-01-01' + (i * 37) % 3000 END,
       CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END
FROM (SELECT i, -20000 + random() * 40000 + 140000 * (i % 3) AS x,
             300000 + random() * 40000 + 150000 * (i % 4) AS y
      FROM generate_series(1, 6000) i) p;
INSERT INTO randen (geom, soort, aantal, groot, hoogte, datum, geteld) VALUES
  ('SRID=28992;POINT(154999.99999999997 463000)', 'rand', 1, 1, 1.5, '2020-01-01', true),
  ('SRID=28992;POINT(155000 463000)', 'rand', 2, 2, 2.5, '2020-01-02', true),
  ('SRID=28992;POINT(155000 462999.99999999994)', 'rand', 3, 3, 0.25, '2020-01-03', true),
  ('SRID=28992;POINT(-5e-324 463000.5)', 'rand', 4, 4, -1, '2020-01-04', false),
  ('SRID=28992;POINT(-1000 -1000)', 'rand', 5, 5, 7, '2020-01-05', false),
  ('SRID=28992;POINT(-999.9999999999999 0)', 'rand', 5, 5, 7, '2020-01-05', false),
  ('SRID=28992;POINT(1e15 5)', 'ver', 1, 1, 1, NULL, NULL),
  (ST_SetSRID(ST_MakePoint('Infinity'::float8, 5), 28992), 'oneindig', 1, 1, 1, NULL, NULL),
  (ST_SetSRID(ST_MakePoint(5, 'NaN'::float8), 28992), 'nan', 1, 1, 1, NULL, NULL),
  (NULL, 'geen', 1, 1, 1, NULL, NULL),
  ('SRID=28992;POINT EMPTY', 'leeg', 1, 1, 1, NULL, NULL),
  ('SRID=28992;LINESTRING EMPTY', 'leeg', 1, 1, 1, NULL, NULL),
  ('SRID=28992;LINESTRING(155500 463500,157500 463500)', 'lijn', 1, 1, 1, NULL, NULL),
  ('SRID=28992;LINESTRING(155100 463100,155100 463100)', 'lijn', 1, 1, 1, NULL, NULL),
  ('SRID=28992;POLYGON((155000 463000,156000 463000,156000 464000,155000 464000,155000 463000))',
   'vlak', 1, 1, 1, NULL, NULL),
  ('SRID=28992;POLYGON((154500 463100,155500 463100,155500 463900,154500 463900,154500 463100))',
   'vlak', 1, 1, 1, NULL, NULL),
  ('SRID=28992;POLYGON((155000 463000,156000 464000,156000 463000,155000 464000,155000 463000))',
   'vlak', 1, 1, 1, NULL, NULL),
  ('SRID=28992;MULTIPOINT((162100 463100),(162200 463200),(163000 463000))', 'multi', 1, 1, 1,
   NULL, NULL),
  ('SRID=28992;GEOMETRYCOLLECTION(POINT(164100 463100),LINESTRING(164000 463000,166000 465000))',
   'collectie', 1, 1, 1, NULL, NULL);
CREATE VIEW randen_veel AS SELECT * FROM randen WHERE aantal > 3;
CREATE SCHEMA natuur;
CREATE TABLE natuur.randen AS SELECT * FROM randen WHERE id % 2 = 0;
EOF
query=(--layer randen --group-by soort --group-by geteld --sum aantal --sum groot --min hoogte
  --max hoogte --min datum --max datum --licence cc0-1.0)
for min_count in 1 2; do
  aggregate "randen-$min_count-db" "$pg" "${query[@]}" --min-count "$min_count"
  aggregate "randen-$min_count-hier" "$pg" "${query[@]}" --min-count "$min_count" --no-pushdown
  check "randen, min-count $min_count: grouped in the database" pushed "randen-$min_count-db" true
  check "randen, min-count $min_count: --no-pushdown reads the features" \
    pushed "randen-$min_count-hier" false
  check "randen, min-count $min_count: pushdown and local give identical rows" \
    same "randen-$min_count-db" "randen-$min_count-hier"
  check "randen, min-count $min_count: the same accounting" \
    same_accounting "randen-$min_count-db" "randen-$min_count-hier"
done
skipped() { grep -q "^    \"$1\": $2,\$" "$work/randen-2-db.json"; }
check "randen: null geometry skipped" skipped null_geometry 1
check "randen: empty geometries skipped" skipped empty 2
check "randen: NaN and infinite coordinates skipped" skipped non_finite 2
check "randen: invalid polygon and degenerate line skipped" skipped invalid 2
check "randen: a point beyond 2^31 cells skipped as out of range" skipped out_of_range 1
suppressed() { [ "$(report "$work/randen-2-db.json" observations_suppressed)" -gt 0 ]; }
check "randen: the minimum count left rows out" suppressed
edges() { # the points on and next to the edge of cell 155-463 landed where the floor rule says
  grep -q "^'154-463'|'rand'|1|1|1|1|1.5|" "$work/randen-1-db.rows" &&
    grep -q "^'155-463'|'rand'|1|1|2|2|" "$work/randen-1-db.rows" &&
    grep -q "^'155-462'|'rand'|1|1|3|3|" "$work/randen-1-db.rows" &&
    grep -q "^'-1-463'|'rand'|0|1|4|4|" "$work/randen-1-db.rows" &&
    grep -q "^'-1--1'|'rand'|0|1|5|5|" "$work/randen-1-db.rows" &&
    grep -q "^'-1-0'|'rand'|0|1|5|5|" "$work/randen-1-db.rows"
}
check "randen: points on, below and left of cell edges are in the floor rule's cells" edges
for layer in randen_veel natuur.randen; do
  aggregate "$layer-db" "$pg" "${query[@]/randen/$layer}" --min-count 2
  aggregate "$layer-hier" "$pg" "${query[@]/randen/$layer}" --min-count 2 --no-pushdown
  check "$layer: grouped in the database" pushed "$layer-db" true
  check "$layer: pushdown and local give identical rows" same "$layer-db" "$layer-hier"
  check "$layer: the same accounting" same_accounting "$layer-db" "$layer-hier"
done

# 2b. A point column (typmod Point) has a lean query of its own (leanPointQuery): the same hard
# points, with points on and just beyond the edges of the 32-bit cell range (2^31 cells of 1 km
# and of 10 km), tiny coordinates of both signs and -0, pushed down and read here.
sql <<'EOF'
CREATE TABLE punten (id serial PRIMARY KEY, geom geometry(Point, 28992), soort text,
  aantal integer, groot bigint, hoogte double precision, datum date, geteld boolean);
INSERT INTO punten (geom, soort, aantal, groot, hoogte, datum, geteld)
SELECT geom, soort, aantal, groot, hoogte, datum, geteld FROM randen
WHERE geom IS NULL OR ST_GeometryType(geom) = 'ST_Point' ORDER BY id;
INSERT INTO punten (geom, soort, aantal, groot, hoogte, datum, geteld) VALUES
  ('SRID=28992;POINT(-2147483648000 5)', 'bereik', 1, 1, 1, NULL, true),
  ('SRID=28992;POINT(-2147483648000.0005 5)', 'bereik', 2, 2, 2, NULL, true),
  ('SRID=28992;POINT(2147483647999.9998 5)', 'bereik', 3, 3, 3, NULL, true),
  ('SRID=28992;POINT(2147483648000 5)', 'bereik', 4, 4, 4, NULL, true),
  ('SRID=28992;POINT(5 -21474836480000)', 'bereik', 5, 5, 5, NULL, true),
  ('SRID=28992;POINT(5 21474836479999.996)', 'bereik', 6, 6, 6, NULL, true),
  ('SRID=28992;POINT(5 21474836480000)', 'bereik', 7, 7, 7, NULL, true),
  ('SRID=28992;POINT(5e-324 -5e-324)', 'klein', 1, 1, 1, NULL, false),
  ('SRID=28992;POINT(-2.2250738585072014e-308 2.2250738585072014e-308)', 'klein', 2, 2, 2,
   NULL, false),
  ('SRID=28992;POINT(-1000 -10000)', 'klein', 3, 3, 3, NULL, false),
  ('SRID=28992;POINT(-0.0 -999.9999999999999)', 'klein', 4, 4, 4, NULL, false),
  (ST_SetSRID(ST_MakePoint(5, '-Infinity'::float8), 28992), 'oneindig', 1, 1, 1, NULL, NULL),
  (ST_SetSRID(ST_MakePoint('NaN'::float8, 'Infinity'::float8), 28992), 'nan', 1, 1, 1, NULL,
   NULL),
  ('SRID=28992;POINT(5 -1e300)', 'ver', 1, 1, 1, NULL, NULL);
EOF
for cell in 1000 10000; do
  points=(--layer punten --group-by soort --group-by geteld --sum aantal --sum groot --min hoogte
    --max hoogte --min datum --max datum --licence cc0-1.0 --cell-size "$cell")
  for min_count in 1 2; do
    name="punten-$cell-$min_count"
    aggregate "$name-db" "$pg" "${points[@]}" --min-count "$min_count"
    aggregate "$name-hier" "$pg" "${points[@]}" --min-count "$min_count" --no-pushdown
    check "$name: grouped in the database" pushed "$name-db" true
    check "$name: pushdown and local give identical rows" same "$name-db" "$name-hier"
    check "$name: the same accounting" same_accounting "$name-db" "$name-hier"
  done
done
# Integer and bigint group values come over the wire in 4 and 8 bytes: the same groups.
aggregate punten-getallen-db "$pg" --layer punten --group-by aantal --group-by groot \
  --sum aantal --licence cc0-1.0
aggregate punten-getallen-hier "$pg" --layer punten --group-by aantal --group-by groot \
  --sum aantal --licence cc0-1.0 --no-pushdown
check "punten by integer and bigint: grouped in the database" pushed punten-getallen-db true
check "punten by integer and bigint: identical rows" same punten-getallen-db punten-getallen-hier
check "punten by integer and bigint: the same accounting" \
  same_accounting punten-getallen-db punten-getallen-hier
point_skipped() { grep -q "^    \"$2\": $3,\$" "$work/punten-$1-1-db.json"; }
check "punten: null geometry skipped" point_skipped 1000 null_geometry 1
check "punten: empty point skipped" point_skipped 1000 empty 1
check "punten: NaN and infinite coordinates skipped" point_skipped 1000 non_finite 4
# 1 km: beyond -2^31 and 2^31 cells (2 in x, 3 in y), 1e15 and -1e300; 10 km: only the last
# point in y, 1e15 and -1e300.
check "punten, 1 km: beyond 2^31 cells or 2^52 m skipped as out of range" \
  point_skipped 1000 out_of_range 7
check "punten, 10 km: beyond 2^31 cells or 2^52 m skipped as out of range" \
  point_skipped 10000 out_of_range 3

# 3. Where SQL would not give the same rows, the features are read here; the report says why.
sql <<'EOF'
CREATE TABLE bogen (id serial PRIMARY KEY, geom geometry(Geometry, 28992), soort text);
INSERT INTO bogen (geom, soort) VALUES
  ('SRID=28992;POINT(155100 463100)', 'a'),
  ('SRID=28992;CIRCULARSTRING(155100 463100,155500 463500,155900 463100)', 'b');
CREATE TABLE wgs84 AS SELECT fid, ST_Transform(geom, 4326)::geometry(Point, 4326) AS geom, soort
  FROM waarnemingen LIMIT 500;
EOF
aggregate bogen "$pg" --layer bogen --group-by soort --licence cc0-1.0
check "curves: not pushed down" pushed bogen false
check "curves: the report says why" note_says bogen "curved"
check "curves: both features counted" test "$(report "$work/bogen.json" observations_written)" = 2
aggregate wgs84 "$pg" --layer wgs84 --group-by soort --licence cc0-1.0
check "another CRS: not pushed down" pushed wgs84 false
check "another CRS: the report says why" note_says wgs84 "ST_Transform"
aggregate gdal-schema "$pg active_schema=natuur" --layer randen --group-by soort --licence cc0-1.0
check "GDAL's active_schema option: not pushed down" pushed gdal-schema false
check "GDAL's active_schema option: the report says why" note_says gdal-schema "GDAL's own options"
aggregate quoted "PG:host='$work/pg' port=$port user=geolicence dbname='waarnemingen'" \
  --layer randen --group-by soort --licence cc0-1.0
check "quoted connection values: pushed down" pushed quoted true
aggregate reals "$pg" --layer randen --sum hoogte --licence cc0-1.0
check "a sum of reals: not pushed down" pushed reals false
check "a sum of reals: the report says why" note_says reals "sums of reals"

# 4. Ctrl-C while the database groups: the query is cancelled on the server, nothing is left.
sql -c "CREATE VIEW veel AS SELECT w.* FROM waarnemingen w, generate_series(1, 100) g"
"$geolicence" aggregate "$pg" "$work/onderbroken.gpkg" --layer veel --group-by soort \
  --licence cc0-1.0 >/dev/null 2>"$work/onderbroken.err" &
child=$!
grouping() { sql -At -c "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY (%'"; }
for _ in $(seq 1 200); do
  [ "$(grouping)" -gt 0 ] && break
  sleep 0.05
done
check "the grouping query runs in the database" test "$(grouping)" -gt 0
kill -INT "$child"
status=0
wait "$child" || status=$?
check "Ctrl-C during pushdown: exit 130: $(cat "$work/onderbroken.err")" test "$status" -eq 130
sleep 0.5
check "Ctrl-C during pushdown: the query was cancelled on the server" test "$(grouping)" -eq 0
check "Ctrl-C during pushdown: no output" test ! -e "$work/onderbroken.gpkg"

# 5. Errors name the source, say what is wrong and leave nothing behind.
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
leftovers() { ! ls -a "$work" | grep -q geolicence; }
check "no temporary files or folders left" leftovers

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
