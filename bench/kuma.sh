#!/usr/bin/env bash
# 10.4 from Uptime Kuma: generates a kuma.db holding a year of raw heartbeats for $MONITORS monitors
# checked every 60 s (default 13: 6.8 million heartbeats; bench/GenerateKuma.java, seeded), then
# ingests it into a fresh warehouse and computes 10.4 through the real command line with a 1 GB heap.
# Prints the seconds and peak memory of each, and their sum.
# Target (issue: uptime monitors as they really keep their data): ingest + compute < 20 s on a 2-core
# machine. With OLD_JAR=path, the same runs with that jar first, side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
MONITORS=${MONITORS:-13}
WORK=bench/work
JAR=cli/target/sni37122.jar
make -s build
mkdir -p "$WORK"
db="$WORK/kuma-$MONITORS.db"
[ -f "$db" ] || java -cp "$JAR" bench/GenerateKuma.java "$db" "$MONITORS"

# Runs a command line; prints "<wall seconds> <peak MB>" (peak "?" without GNU time).
timed() {
  local start end peak="?"
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$WORK/kuma-peak-kb" bash -c "$1"
    peak=$(( $(cat "$WORK/kuma-peak-kb") / 1024 ))
  else
    bash -c "$1"
  fi
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v p="$peak" 'BEGIN { printf "%.2f %s\n", e - s, p }'
}

for jar in ${OLD_JAR:+"$OLD_JAR"} "$JAR"; do
  dir="$WORK/kuma-run"
  rm -rf "$dir" && mkdir -p "$dir"
  cat > "$dir/bench.yaml" <<YAML
city: {code: bench, name: Kota Bench, timezone: Asia/Makassar}
population: [{year: 2025, population: 1000000, source: benchmark}]
sources:
  heartbeats: [{path: ../$(basename "$db"), format: uptime-kuma}]
output: out/
secret_file: out/visitor.key
YAML
  read -r ingest ingest_peak < <(timed "java -Xmx1g -jar $jar ingest --quiet -c $dir/bench.yaml")
  read -r compute compute_peak < <(timed "java -Xmx1g -jar $jar compute --year 2025 --json -c $dir/bench.yaml > $dir/result.json || true")
  value=$(grep -A2 '"indicator" : "10.4"' "$dir/result.json" | sed -n 's/.*"value" : \([0-9.]*\).*/\1/p')
  beats=$(sqlite3 "$db" "SELECT count(*) FROM heartbeat" 2>/dev/null || echo "?")
  awk -v j="$jar" -v m="$MONITORS" -v b="$beats" -v i="$ingest" -v c="$compute" -v ip="$ingest_peak" -v cp="$compute_peak" -v v="$value" 'BEGIN {
    printf "%s: %d monitors at 60 s, %s heartbeats: ingest %.1f s, compute 10.4 %.1f s; together %.1f s (target < 20 s); peak memory %s MB ingest, %s MB compute; 10.4 = %s h per incident\n",
      j, m, b, i, c, i + c, ip, cp, v }'
done
