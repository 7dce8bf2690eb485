#!/usr/bin/env bash
# Table throughput: generates a complaint export of $COMPLAINTS rows (CSV, default 1 000 000) and a
# service catalogue of $SERVICES rows (XLSX as Excel writes it, default 200 000) with
# bench/GenerateTables.java (seeded), and ingests each into a fresh warehouse through the release's
# launcher (1 GB heap, the systemd unit's). Prints rows per second, wall and per CPU-second (the
# work done, whatever else shares the cores), and peak memory.
# Targets (issue 17): >= 50 000 rows/s; the workbook loads at -Xmx1g.
# SNI="java -Xmx1g -jar other.jar" measures another build the same way, for a side-by-side run.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
COMPLAINTS=${COMPLAINTS:-1000000}
SERVICES=${SERVICES:-200000}

# The generator and the row count need POI and DuckDB: the measured build's own class path.
case $SNI in
  *" -jar "*) classpath=${SNI##* -jar } classpath=${classpath%% *} ;;
  *) classpath="$(dirname "${SNI%% *}")/../lib/*" ;;
esac

for kind in complaints catalogue; do
  if [ "$kind" = complaints ]; then
    rows=$COMPLAINTS file="$WORK/pengaduan-$rows.csv" key=inquiries
  else
    rows=$SERVICES file="$WORK/layanan-$rows.xlsx" key=catalog
  fi
  [ -f "$file" ] || java -cp "$classpath" bench/GenerateTables.java "$kind" "$file" "$rows"
  dir=$WORK/table-$kind
  rm -rf "$dir" && mkdir -p "$dir"
  cat > "$dir/bench.yaml" <<YAML
city: {code: bench, name: Kota Bench, timezone: Asia/Makassar}
sources:
  $key: [{path: $PWD/$file}]
output: out/
secret_file: key/visitor.key
YAML
  timed "$SNI ingest --quiet -c $dir/bench.yaml || echo '(exit '\$?')'"
  loaded=$(java -cp "$classpath" bench/CountRows.java "$dir/out/bench.duckdb" 2>/dev/null || echo "?")
  awk -v n="$rows" -v w="$SECONDS_WALL" -v c="$CPU" -v k="$kind" -v p="$PEAK_MB" -v l="$loaded" 'BEGIN {
    printf "%-10s %d rows: ingest %.1f s (%.0f rows/s), %s CPU-s (%s rows per CPU-s), %s rows loaded; peak memory %s MB\n",
      k, n, w, n / w, c, (c == "?" ? "?" : sprintf("%.0f", n / c)), l, p }'
done
