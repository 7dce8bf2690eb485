#!/usr/bin/env bash
# Table throughput: generates a complaint export of $COMPLAINTS rows (CSV, default 1 000 000) and a
# service catalogue of $SERVICES rows (XLSX, default 200 000) with bench/GenerateTables.java (seeded),
# and ingests each into a fresh warehouse through the real command line with a 1 GB heap (the
# README's systemd value). Prints rows per second (wall and CPU) and peak memory.
# Targets (issue: big, odd and hostile files): >= 50 000 rows/s; the workbook loads at -Xmx1g.
# JAR=path/to/other.jar runs another build the same way, for a side-by-side comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
COMPLAINTS=${COMPLAINTS:-1000000}
SERVICES=${SERVICES:-200000}
WORK=bench/work
JAR=${JAR:-cli/target/sni37122.jar}
[ "$JAR" = cli/target/sni37122.jar ] && make -s build
mkdir -p "$WORK"

# Runs a command; its peak resident memory (KB) and CPU seconds (user + system, all threads) go to
# $WORK/peak-kb and $WORK/cpu-s when GNU time is installed. CPU seconds show the work done even
# when other jobs share the cores and stretch the wall time.
peak() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M %U %S" -o "$WORK/time" "$@"
    tail -1 "$WORK/time" | awk '{ print $1 > "'"$WORK/peak-kb"'"; printf "%.2f\n", $2 + $3 > "'"$WORK/cpu-s"'" }'
  else
    echo "?" > "$WORK/peak-kb"; echo "?" > "$WORK/cpu-s"; "$@"
  fi
}

for kind in complaints catalogue; do
  if [ "$kind" = complaints ]; then
    rows=$COMPLAINTS file="$WORK/pengaduan-$rows.csv" source="inquiries: [{path: ../$(basename "$WORK/pengaduan-$rows.csv")}]"
  else
    rows=$SERVICES file="$WORK/layanan-$rows.xlsx" source="catalog: [{path: ../$(basename "$WORK/layanan-$rows.xlsx")}]"
  fi
  [ -f "$file" ] || java -cp "$JAR" bench/GenerateTables.java "$kind" "$file" "$rows"
  rm -rf "$WORK/$kind" && mkdir -p "$WORK/$kind"
  cat > "$WORK/$kind/bench.yaml" <<YAML
city: {code: bench, name: Kota Bench, timezone: Asia/Makassar}
sources:
  $source
output: out/
secret_file: key/visitor.key
YAML
  start=$(date +%s.%N)
  peak java -Xmx1g -jar "$JAR" ingest --quiet -c "$WORK/$kind/bench.yaml" || echo "(exit $?)"
  end=$(date +%s.%N)
  loaded=$(java -cp "$JAR" bench/CountRows.java "$WORK/$kind/out/bench.duckdb" 2>/dev/null || echo "?")
  awk -v n="$rows" -v s="$start" -v e="$end" -v k="$kind" -v p="$(cat "$WORK/peak-kb")" -v c="$(cat "$WORK/cpu-s")" -v l="$loaded" 'BEGIN {
    printf "%-10s %d rows: ingest %.1f s (%.0f rows/s), %s CPU-s (%s rows per CPU-s), %s rows loaded; peak memory %s MB\n",
      k, n, e - s, n / (e - s), c, (c == "?" ? "?" : sprintf("%.0f", n / c)), l, (p == "?" ? "?" : int(p / 1024)) }'
done
