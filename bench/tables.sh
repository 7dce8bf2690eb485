#!/usr/bin/env bash
# Table throughput: generates a complaint export of $COMPLAINTS rows (CSV, default 1 000 000), a
# service catalogue of $SERVICES rows (XLSX as Excel writes it, default 200 000) and a SP4N-LAPOR!
# workbook of $LAPOR rows (default 100 000, its report texts ~100 MB of shared strings) with
# bench/GenerateTables.java (seeded), and ingests each into a fresh warehouse through the release's
# launcher (1 GB heap, the systemd unit's). Prints rows per second, wall and per CPU-second (the
# work done, whatever else shares the cores), and peak memory.
# Targets (issue 17): >= 50 000 rows/s; the workbook loads at -Xmx1g.
# SNI="java -Xmx1g -jar other.jar" measures another build the same way; SNI_OLD="java -Xmx1g -jar old.jar"
# runs another build before each measurement of $SNI, interleaved, REPEAT times (default 1), so that the
# two are compared side by side under the same load.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
COMPLAINTS=${COMPLAINTS:-1000000}
SERVICES=${SERVICES:-200000}
LAPOR=${LAPOR:-100000}

# The generator and the row count need POI and DuckDB: the measured build's own class path.
case $SNI in
  *" -jar "*) classpath=${SNI##* -jar } classpath=${classpath%% *} ;;
  *) classpath="$(dirname "${SNI%% *}")/../lib/*" ;;
esac

for kind in complaints catalogue lapor; do
  format=""
  case $kind in
    complaints) rows=$COMPLAINTS file="$WORK/pengaduan-$rows.csv" key=inquiries generate=complaints ;;
    catalogue) rows=$SERVICES file="$WORK/layanan-$rows.xlsx" key=catalog generate=catalogue ;;
    lapor) rows=$LAPOR file="$WORK/lapor-$rows.xlsx" key=inquiries generate=complaints-xlsx format=", format: lapor" ;;
  esac
  [ -f "$file" ] || java -Xmx2g -cp "$classpath" bench/GenerateTables.java "$generate" "$file" "$rows"
  dir=$WORK/table-$kind
  for round in $(seq "${REPEAT:-1}"); do
    for sni in ${SNI_OLD:+"$SNI_OLD"} "$SNI"; do
      rm -rf "$dir" && mkdir -p "$dir"
      cat > "$dir/bench.yaml" <<YAML
city: {code: bench, name: Kota Bench, timezone: Asia/Makassar}
sources:
  $key: [{path: $PWD/$file$format}]
output: out/
secret_file: key/visitor.key
YAML
      timed "$sni ingest --quiet -c $dir/bench.yaml || echo '(exit '\$?')'"
      loaded=$(java -cp "$classpath" bench/CountRows.java "$dir/out/bench.duckdb" 2>/dev/null || echo "?")
      label=""
      [ -n "${SNI_OLD:-}" ] && label=$([ "$sni" = "$SNI_OLD" ] && echo "old " || echo "new ")
      awk -v n="$rows" -v w="$SECONDS_WALL" -v c="$CPU" -v k="$label$kind" -v p="$PEAK_MB" -v l="$loaded" 'BEGIN {
        printf "%-14s %d rows: ingest %.1f s (%.0f rows/s), %s CPU-s (%s rows per CPU-s), %s rows loaded; peak memory %s MB\n",
          k, n, w, n / w, c, (c == "?" ? "?" : sprintf("%.0f", n / c)), l, p }'
    done
  done
done
