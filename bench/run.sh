#!/usr/bin/env bash
# Portal-log ingest throughput: loads a generated log of $LINES lines (default 10 million), plain
# and gzipped, through the real command line with a 1 GB heap, and prints lines per second.
# Targets (issue: portal logs at production grade): >= 1 000 000 lines/s plain, >= 500 000 gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-10000000}
WORK=bench/work
JAR=cli/target/sni37122.jar
make -s build
mkdir -p "$WORK"
for kind in plain gz; do
  log="$WORK/access-$LINES.log"; [ "$kind" = gz ] && log="$log.gz"
  [ -f "$log" ] || java bench/GenerateLog.java "$log" "$LINES" "$kind"
  rm -rf "$WORK/$kind" && mkdir -p "$WORK/$kind"
  cat > "$WORK/$kind/bench.yaml" <<YAML
city: {code: bench, name: Kota Bench, timezone: Asia/Makassar}
population: [{year: 2023, population: 1000000, source: benchmark}]
sources:
  portal: [{path: ../$(basename "$log"), format: combined}]
output: out/
secret_file: out/visitor.key
YAML
  start=$(date +%s.%N)
  java -Xmx1g -jar "$JAR" ingest --quiet -c "$WORK/$kind/bench.yaml"
  end=$(date +%s.%N)
  awk -v n="$LINES" -v s="$start" -v e="$end" -v k="$kind" \
    'BEGIN { t = e - s; printf "%-5s %d lines in %.1f s = %.0f lines/s (ingest, incl. JVM start and robot classifier)\n", k, n, t, n / t }'
done
start=$(date +%s.%N)
java -Xmx1g -jar "$JAR" compute --year 2023 -c "$WORK/gz/bench.yaml" > /dev/null
end=$(date +%s.%N)
awk -v n="$LINES" -v s="$start" -v e="$end" 'BEGIN { printf "compute 10.1 over %d hits: %.1f s\n", n, e - s }'
