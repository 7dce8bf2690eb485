#!/usr/bin/env bash
# Portal-log throughput: generates a realistic combined log of $LINES lines (default 10 million;
# bench/GenerateLog.java, seeded), then, plain and gzipped, ingests it into a fresh warehouse and
# sessionises it (computes 10.1) through the real command line with a 1 GB heap. Prints lines per
# second, the visit count and peak memory.
# Targets (issue: portal logs at production grade): ingest + sessionise >= 1 000 000 lines/s plain,
# >= 500 000 lines/s gzipped, on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-10000000}
WORK=bench/work
JAR=cli/target/sni37122.jar
make -s build
mkdir -p "$WORK"

# Runs a command line; its wall seconds go to $WORK/seconds and its peak resident memory (when
# GNU time is installed) to $WORK/peak-kb.
timed() {
  local start end
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$WORK/peak-kb" bash -c "$1"
  else
    echo "?" > "$WORK/peak-kb"
    bash -c "$1"
  fi
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }' > "$WORK/seconds"
}

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
  timed "java -Xmx1g -jar $JAR ingest --quiet -c $WORK/$kind/bench.yaml"
  ingest=$(cat "$WORK/seconds") ingest_peak=$(cat "$WORK/peak-kb")
  timed "java -Xmx1g -jar $JAR compute --year 2023 --json -c $WORK/$kind/bench.yaml > $WORK/$kind/out/result.json"
  compute=$(cat "$WORK/seconds") compute_peak=$(cat "$WORK/peak-kb")
  visits=$(grep -A5 '"indicator" : "10.1"' "$WORK/$kind/out/result.json" | sed -n 's/.*"numerator" : \([0-9.]*\).*/\1/p')
  awk -v n="$LINES" -v i="$ingest" -v c="$compute" -v k="$kind" -v v="$visits" -v ip="$ingest_peak" -v cp="$compute_peak" 'BEGIN {
    printf "%-5s %d lines: ingest %.1f s (%.0f lines/s), sessionise %.1f s; together %.0f lines/s; %d visits; peak memory %s MB ingest, %s MB compute\n",
      k, n, i, n / i, c, n / (i + c), v, (ip == "?" ? "?" : int(ip / 1024)), (cp == "?" ? "?" : int(cp / 1024)) }'
done

# The same plain log into a copy of the gz warehouse, whose agents are classified already (the
# case of a nightly run): the robot classifier's start-up and first sight of each distinct agent
# cost about as much as everything else together, and this line shows the rest alone.
rm -rf "$WORK/known" && mkdir -p "$WORK/known" && cp -r "$WORK/gz/out" "$WORK/known/out"
sed "s#path: ../access-$LINES.log.gz#path: ../access-$LINES.log#" "$WORK/gz/bench.yaml" > "$WORK/known/bench.yaml"
timed "java -Xmx1g -jar $JAR ingest --quiet -c $WORK/known/bench.yaml"
awk -v n="$LINES" -v i="$(cat "$WORK/seconds")" -v p="$(cat "$WORK/peak-kb")" 'BEGIN {
  printf "plain %d lines, agents already classified: ingest %.1f s (%.0f lines/s); peak memory %s MB\n",
    n, i, n / i, (p == "?" ? "?" : int(p / 1024)) }'
