#!/usr/bin/env bash
# The scale bench of `geolicence aggregate` (not run in CI: it needs tens of gigabytes of disk
# and the better part of an hour). On generated NDFF-like points grouped by species and year:
#
#  1. SMALL and BIG points (default 5,000,000 and 50,000,000) in GeoPackages: a plain GDAL read
#     of every feature (the floor), geolicence with the default memory limit (1 GiB) and with a
#     limit that makes it spill (LIMIT, default 256M): time, peak memory, whether it spilled,
#     the time per point of BIG against SMALL and the peak against limit + 100 MB;
#  2. SMALL points in a throwaway PostgreSQL + PostGIS server (started here): grouped in the
#     database (pushdown) against read and grouped here (--no-pushdown), the same rows side by
#     side in one run; once by species and year (millions of rows come back) and once by year on
#     10 km cells (a few thousand). First over the server's Unix socket (the best case for
#     pulling: no network, and the server shares this machine's cores), then over TCP through
#     tests/bench/throttle_proxy.py, a link limited to each of LINK_MBIT (default "1000 100")
#     megabits per second, as to a database on another machine on a LAN;
#  3. PostGIS's ST_Transform against our PROJ path on 200,000 WGS 84 points: how many
#     coordinates and cells differ.
#
#   tests/bench/aggregate_scale_bench.sh [BIG] [SMALL]
#
# PARTS (default "files postgis transform") chooses the parts: "files" is part 1, "postgis"
# part 2 (it generates only SMALL points when "files" is not chosen), "transform" part 3. Only
# the PostGIS part on 2,000,000 points, over the socket and a 1 Gbit/s link:
#
#   PARTS=postgis LINK_MBIT=1000 tests/bench/aggregate_scale_bench.sh 0 2000000
#
# Data goes to $BENCH_DIR (default build/scale-bench; 50 M points take ~6 GB there, the
# PostGIS copy of 5 M ~1 GB) and is removed at the end. Binaries: $GEOLICENCE (default
# build/release/cli/geolicence) and $GEOLICENCE_READ_BENCH (default
# build/release/tests/geolicence_read_bench); without them the release preset is built.
set -euo pipefail
cd "$(dirname "$0")/../.."

big=${1:-50000000}
small=${2:-5000000}
limit=${LIMIT:-256M}
parts=${PARTS:-files postgis transform}
geolicence=${GEOLICENCE:-build/release/cli/geolicence}
read_bench=${GEOLICENCE_READ_BENCH:-build/release/tests/geolicence_read_bench}
# The read bench is only needed for part 1.
if [ ! -x "$geolicence" ] || { [[ " $parts " == *" files "* ]] && [ ! -x "$read_bench" ]; }; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target geolicence geolicence-gis geolicence_read_bench
fi
geolicence=$(realpath "$geolicence")
[ -x "$read_bench" ] && read_bench=$(realpath "$read_bench")
pg_bin=/usr/lib/postgresql/15/bin
for tool in ogr2ogr /usr/bin/time awk /usr/bin/python3 "$pg_bin/initdb" psql; do
  command -v "$tool" >/dev/null ||
    { echo "aggregate_scale_bench: $tool is missing (bash ci/install-deps.sh)" >&2; exit 3; }
done

work=${BENCH_DIR:-build/scale-bench}
mkdir -p "$work"
work=$(realpath "$work")
chmod 755 "$work"
as_server=()
[ "$(id -u)" -eq 0 ] && as_server=(runuser -u postgres --)
proxy=""
cleanup() {
  [ -n "$proxy" ] && kill "$proxy" 2>/dev/null
  [ -d "$work/pg/data" ] &&
    "${as_server[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1
  [ -n "${KEEP_BENCH_DATA:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

# NDFF-like points over the RD box at centimetre precision: 1,500 species with a long tail (a
# few common ones, many rare), the year of observation (2000-2024), a count and an observer,
# which must not reach the output. No spatial index: nothing here reads by area, and building
# one for 50 M points takes GDAL longer than everything else.
generate() { # generate N FILE.gpkg
  echo "generating $1 points ..." >&2
  awk -v n="$1" 'BEGIN {
    srand(42)
    print "x,y,soort,jaar,aantal,waarnemer"
    for (i = 0; i < n; i++) {
      r = rand(); r = r * r; r = r * r; r = r * r
      printf "%.2f,%.2f,soort %d,%d,%d,waarnemer %d\n", 13000 + rand() * 265000,
             307000 + rand() * 313000, int(1500 * r), 2000 + int(rand() * 25),
             1 + int(rand() * 10), int(rand() * 20000)
    }
  }' > "$work/obs.csv"
  echo '"Real","Real","String","Integer","Integer","String"' > "$work/obs.csvt"
  ogr2ogr -f GPKG "$2" "$work/obs.csv" -nln waarnemingen -a_srs EPSG:28992 \
    -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y -oo KEEP_GEOM_COLUMNS=NO -gt 200000 \
    -lco SPATIAL_INDEX=NO
  rm "$work/obs.csv" "$work/obs.csvt"
  "$geolicence" bind "$2" --licence ndff-uitvoerportaal >/dev/null
}

# Runs a command under /usr/bin/time; prints "seconds peak_kb".
measure() {
  local log="$work/time.log"
  /usr/bin/time -v -o "$log" "$@" >"$work/stdout.log" 2>"$work/stderr.log" || {
    cat "$work/stderr.log" >&2
    return 1
  }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0
                                         for (i = 1; i <= n; i++) s = s * 60 + t[i] }
              /Maximum resident set size/ { kb = $2 }
              END { printf "%.2f %d\n", s, kb }' "$log"
}

json() { /usr/bin/python3 -c 'import json, sys
value = json.load(open(sys.argv[1]))
for key in sys.argv[2:]:
    value = value[key]
print(value)' "$@"; }

# Each geolicence run writes a new output (the previous one removed, untimed).
aggregate() { # aggregate INPUT [ARGS...]; prints "seconds peak_kb runs rows"
  local input=$1 t kb
  shift
  rm -f "$work/cells.gpkg"
  sync
  read -r t kb < <(measure "$geolicence" aggregate "$input" "$work/cells.gpkg" --group-by soort \
    --group-by jaar --sum aantal --report "$work/report.json" "$@")
  echo "$t $kb $(json "$work/report.json" spill runs) $(json "$work/report.json" rows_written)"
}

declare -A seconds peak runs rows
if [[ " $parts " != *" files "* ]] && [[ " $parts " == *" postgis "* ]]; then
  generate "$small" "$work/obs-$small.gpkg"
fi
for n in "$small" "$big"; do
  [[ " $parts " == *" files "* ]] || break
  file="$work/obs-$n.gpkg"
  generate "$n" "$file"
  cat "$file" >/dev/null # warm the page cache (as far as it holds the file)
  read -r seconds[read-$n] peak[read-$n] < <(measure "$read_bench" "$file")
  read -r seconds[default-$n] peak[default-$n] runs[default-$n] rows[default-$n] < <(aggregate "$file")
  read -r seconds[limit-$n] peak[limit-$n] runs[limit-$n] rows[limit-$n] < \
    <(aggregate "$file" --memory-limit "$limit")
  [ "$n" = "$small" ] || rm -f "$file"
done

if [[ " $parts " == *" files "* ]]; then
limit_mb=$(awk -v l="$limit" 'BEGIN { l = toupper(l); sub(/I?B$/, "", l)
  u = substr(l, length(l)); n = substr(l, 1, length(l) - 1)
  if (u == "K") n /= 1024; else if (u == "G") n *= 1024; else if (u == "T") n *= 1048576
  else if (u != "M") n = l / 1048576
  print int(n) }')
echo
echo "== 1. GeoPackage, group-by species and year, sum of counts"
awk -v small="$small" -v big="$big" -v limit="$limit" -v limit_mb="$limit_mb" \
  -v rs="${seconds[read-$small]}" -v rb="${seconds[read-$big]}" \
  -v ds="${seconds[default-$small]}" -v db="${seconds[default-$big]}" \
  -v ls="${seconds[limit-$small]}" -v lb="${seconds[limit-$big]}" \
  -v kds="${peak[default-$small]}" -v kdb="${peak[default-$big]}" \
  -v kls="${peak[limit-$small]}" -v klb="${peak[limit-$big]}" \
  -v krs="${peak[read-$small]}" -v krb="${peak[read-$big]}" \
  -v nds="${runs[default-$small]}" -v ndb="${runs[default-$big]}" \
  -v nls="${runs[limit-$small]}" -v nlb="${runs[limit-$big]}" \
  -v wds="${rows[default-$small]}" -v wdb="${rows[default-$big]}" 'BEGIN {
  printf "%-34s %12s %12s\n", "", small " points", big " points"
  printf "%-34s %12d %12d\n", "output rows", wds, wdb
  printf "%-34s %10.1f s %10.1f s  (%4.0f / %4.0f MB peak)\n", "plain GDAL read (per feature)", rs, rb, krs / 1024, krb / 1024
  printf "%-34s %10.1f s %10.1f s  (%4.0f / %4.0f MB peak, %d / %d runs)\n", "geolicence, default limit (1G)", ds, db, kds / 1024, kdb / 1024, nds, ndb
  printf "%-34s %10.1f s %10.1f s  (%4.0f / %4.0f MB peak, %d / %d runs)\n", "geolicence, --memory-limit " limit, ls, lb, kls / 1024, klb / 1024, nls, nlb
  printf "ratio to the plain read, default limit   %5.2fx %5.2fx\n", ds / rs, db / rb
  printf "ratio to the plain read, %-15s %5.2fx %5.2fx\n", limit, ls / rs, lb / rb
  printf "time per point %s vs %s, default limit   %5.2fx (target <= 1.3)\n", big, small, (db / big) / (ds / small)
  printf "time per point %s vs %s, %-9s %5.2fx (target <= 1.3)\n", big, small, limit, (lb / big) / (ls / small)
  printf "peak with the default limit (1024 MB)     %5.0f MB (target < %d MB)\n", (kds > kdb ? kds : kdb) / 1024, 1024 + 100
  printf "peak with --memory-limit %-8s        %5.0f MB (target < %d MB)\n", limit, (kls > klb ? kls : klb) / 1024, limit_mb + 100
}'
fi

[[ " $parts " == *" postgis "* ]] || [[ " $parts " == *" transform "* ]] || exit 0

# A throwaway PostgreSQL + PostGIS server on this machine, reached over its Unix socket.
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
port=$((20000 + RANDOM % 20000))
"${as_server[@]}" "$pg_bin/initdb" -D "$work/pg/data" -A trust -U geolicence >/dev/null
"${as_server[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/log" \
  -o "-k $work/pg -p $port -c listen_addresses='' -c shared_buffers=1GB" start >/dev/null
psql -q -h "$work/pg" -p "$port" -U geolicence -d postgres -c "CREATE DATABASE bench"
psql -q -h "$work/pg" -p "$port" -U geolicence -d bench -c "CREATE EXTENSION postgis"
pg="PG:host=$work/pg port=$port user=geolicence dbname=bench"

if [[ " $parts " == *" postgis "* ]]; then
# 2. PostGIS: the SMALL file in the server.
echo >&2
echo "loading $small points into PostGIS ..." >&2
ogr2ogr -f PostgreSQL "$pg" "$work/obs-$small.gpkg" -nln waarnemingen -lco GEOMETRY_NAME=geom \
  -lco SPATIAL_INDEX=NONE -gt 500000
psql -q -h "$work/pg" -p "$port" -U geolicence -d bench -c "VACUUM ANALYZE waarnemingen"
# Warm the server's cache: both contenders read the table from memory.
psql -q -h "$work/pg" -p "$port" -U geolicence -d bench -c "SELECT count(*) FROM waarnemingen" >/dev/null

pg_run() { # pg_run SOURCE NAME ARGS...: best of two; prints "seconds peak_kb pushed_down rows"
  local source=$1 name=$2 best="" kb t k
  shift 2
  for _ in 1 2; do
    rm -f "$work/cells.gpkg"
    sync
    read -r t k < <(measure "$geolicence" aggregate "$source" "$work/cells.gpkg" --layer waarnemingen \
      --licence ndff-uitvoerportaal --report "$work/$name.json" "$@")
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; kb=$k; fi
  done
  echo "$best $kb $(json "$work/$name.json" pushed_down) $(json "$work/$name.json" rows_written)"
}
# pg_compare SOURCE LABEL: both groupings pushed down and pulled through SOURCE, one line each.
pg_compare() {
  local source=$1 label=$2 tp kp pp rp tl kl pl rl
  echo "  $label" >&2
  read -r tp kp pp rp < <(pg_run "$source" push1 --group-by soort --group-by jaar --sum aantal)
  read -r tl kl pl rl < <(pg_run "$source" pull1 --group-by soort --group-by jaar --sum aantal --no-pushdown)
  read -r tp2 kp2 pp2 rp2 < <(pg_run "$source" push2 --group-by jaar --sum aantal --cell-size 10000)
  read -r tl2 kl2 pl2 rl2 < <(pg_run "$source" pull2 --group-by jaar --sum aantal --cell-size 10000 --no-pushdown)
  awk -v label="$label" -v tp="$tp" -v tl="$tl" -v kp="$kp" -v kl="$kl" -v pp="$pp" -v pl="$pl" \
    -v rp="$rp" -v rl="$rl" -v tp2="$tp2" -v tl2="$tl2" -v kp2="$kp2" -v kl2="$kl2" -v rp2="$rp2" \
    -v rl2="$rl2" -v pp2="$pp2" -v pl2="$pl2" 'BEGIN {
    printf "%-16s species x year, 1 km  pushdown %6.1f s (%4.0f MB, %s rows)  pulled %6.1f s (%4.0f MB, %s rows)  pulled / pushdown %5.2fx (no 3x target: nearly a group per point, README)\n", label, tp, kp / 1024, rp, tl, kl / 1024, rl, tl / tp
    printf "%-16s year, 10 km           pushdown %6.1f s (%4.0f MB, %s rows)  pulled %6.1f s (%4.0f MB, %s rows)  pulled / pushdown %5.2fx (target >= 3)\n", label, tp2, kp2 / 1024, rp2, tl2, kl2 / 1024, rl2, tl2 / tp2
    if (pp != "True" || pl != "False" || pp2 != "True" || pl2 != "False")
      print "  (check: pushed_down " pp " / " pl ", " pp2 " / " pl2 ")"
  }'
  [ "$rp" = "$rl" ] && [ "$rp2" = "$rl2" ] ||
    { echo "aggregate_scale_bench: pushdown and pulling wrote different numbers of rows" >&2; exit 1; }
}
echo >&2
echo "PostGIS: pushdown against pulling ..." >&2
lines=$(pg_compare "$pg" "Unix socket")
for mbit in ${LINK_MBIT:-1000 100}; do
  proxy_port=$((port + 1))
  /usr/bin/python3 tests/bench/throttle_proxy.py "$proxy_port" "$work/pg/.s.PGSQL.$port" "$mbit" \
    > "$work/proxy.out" &
  proxy=$!
  for _ in $(seq 1 100); do grep -q ready "$work/proxy.out" && break; sleep 0.1; done
  lines+=$'\n'$(pg_compare "PG:host=127.0.0.1 port=$proxy_port user=geolicence dbname=bench" \
    "TCP $mbit Mbit/s")
  kill "$proxy"
  wait "$proxy" 2>/dev/null || true
  proxy=""
done
echo
echo "== 2. PostGIS, $small rows, same server: over its Unix socket, and over TCP through a link"
echo "   limited to a LAN's bandwidth (tests/bench/throttle_proxy.py); best of two; load: $(uptime | sed 's/.*load average: //')"
echo "$lines"
fi

[[ " $parts " == *" transform "* ]] || exit 0

# 3. ST_Transform against GDAL's PROJ, WGS 84 to RD, over the Netherlands and the North Sea.
psql -q -h "$work/pg" -p "$port" -U geolicence -d bench -c "SELECT setseed(0.5)" \
  -c "CREATE TABLE wgs84 AS SELECT i, ST_SetSRID(ST_MakePoint(2.5 + random() * 5, 50.5 + random() * 5.5), 4326) AS geom FROM generate_series(1, 200000) i" >/dev/null
psql -q -At -F, -h "$work/pg" -p "$port" -U geolicence -d bench -c \
  "COPY (SELECT ST_X(geom), ST_Y(geom), ST_X(rd), ST_Y(rd) FROM (SELECT i, geom, ST_Transform(geom, 28992) AS rd FROM wgs84) s ORDER BY i) TO STDOUT WITH (FORMAT csv)" \
  > "$work/transformed.csv"
echo
echo "== 3. WGS 84 -> RD: PostGIS ST_Transform against GDAL/PROJ here"
/usr/bin/python3 - "$work/transformed.csv" <<'EOF'
import math, sys
from osgeo import osr
osr.UseExceptions()
wgs84, rd = osr.SpatialReference(), osr.SpatialReference()
wgs84.ImportFromEPSG(4326)
rd.ImportFromEPSG(28992)
for crs in (wgs84, rd):
    crs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
rows = [[float(v) for v in line.split(",")] for line in open(sys.argv[1])]
ours = osr.CoordinateTransformation(wgs84, rd).TransformPoints([(r[0], r[1]) for r in rows])
coordinates = sum(1 for r, o in zip(rows, ours) if (r[2], r[3]) != (o[0], o[1]))
cells = sum(1 for r, o in zip(rows, ours)
            if (math.floor(r[2] / 1000), math.floor(r[3] / 1000)) !=
               (math.floor(o[0] / 1000), math.floor(o[1] / 1000)))
version = f"{osr.GetPROJVersionMajor()}.{osr.GetPROJVersionMinor()}.{osr.GetPROJVersionMicro()}"
print(f"{len(rows)} points: {coordinates} coordinates differ, {cells} in another 1 km cell "
      f"(PROJ {version} here)")
EOF
psql -q -At -h "$work/pg" -p "$port" -U geolicence -d bench -c "SELECT postgis_full_version()" |
  grep -o 'PROJ="[^"]*"' | sed 's/^/server: /'
