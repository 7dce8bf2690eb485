#!/usr/bin/env bash
# Portal-log throughput: generates realistic combined logs (bench/GenerateLog.java, seeded) of 2 and
# 10 million lines, then ingests each into a fresh warehouse and sessionises it (computes 10.1)
# through the release's launcher (1 GB heap), plain and gzipped, each beside GoAccess parsing the
# same file in the same run. Prints lines per second, the visit count and peak memory.
# Targets: 2 000 000 lines >= 5x faster than GoAccess, 10 000 000 >= 8x (issue 20); ingest +
# sessionise >= 1 000 000 lines/s plain, >= 500 000 gzipped (issue 3).
# Each size is loaded twice into a fresh warehouse: with the installation's robot verdicts empty
# (cold: Yauaa built, as on a new installation or after a Yauaa upgrade) and kept from the cold one
# (warm: any later first load on the same installation). The launcher's cache folder is
# bench/work/cache, never the user's.
# SIZES="2000000:plain 10000000:plain 10000000:gz" chooses the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
SIZES=${SIZES:-"2000000:plain 10000000:plain 10000000:gz"}
export XDG_CACHE_HOME=$(cd "$WORK" && pwd)/cache
verdicts=$XDG_CACHE_HOME/sni37122/robot-verdicts-*.tsv

for run in $SIZES; do
  lines=${run%%:*} kind=${run##*:}
  log="$WORK/access-$lines.log"; [ "$kind" = gz ] && log="$log.gz"
  [ -f "$log" ] || java bench/GenerateLog.java "$log" "$lines" "$kind"
  dir=$WORK/$kind-$lines
  rm -rf "$dir" && mkdir -p "$dir"
  cat > "$dir/bench.yaml" <<YAML
city: {code: bench, name: Kota Bench, timezone: Asia/Makassar}
population: [{year: 2023, population: 1000000, source: benchmark}]
sources:
  portal: [{path: $PWD/$log, format: combined}]
output: out/
secret_file: out/visitor.key
YAML
  goaccess_timed "$log"
  for verdicts_kept in cold warm; do
    [ "$verdicts_kept" = cold ] && rm -f $verdicts
    rm -rf "$dir/out"
    timed "$SNI ingest --quiet -c $dir/bench.yaml"
    ingest=$SECONDS_WALL ingest_peak=$PEAK_MB ingest_cpu=$CPU
    timed "$SNI compute --year 2023 --json -c $dir/bench.yaml > $dir/out/result.json"
    compute=$SECONDS_WALL compute_peak=$PEAK_MB
    visits=$(grep -A5 '"indicator" : "10.1"' "$dir/out/result.json" | sed -n 's/.*"numerator" : \([0-9.]*\).*/\1/p')
    together=$(awk -v i="$ingest" -v c="$compute" 'BEGIN { printf "%.2f", i + c }')
    awk -v n="$lines" -v i="$ingest" -v c="$compute" -v k="$kind" -v v="$visits" -v ip="$ingest_peak" -v cp="$compute_peak" \
        -v cpu="$ingest_cpu" -v ga="$GA_LINE" -v r="$(ratio "$GA" "$together")" -v w="$verdicts_kept" 'BEGIN {
      printf "%-5s %d lines, robot verdicts %s: ingest %.1f s (%s CPU-s), sessionise %.1f s; together %.0f lines/s; %d visits; peak %s MB ingest, %s MB compute | %s; %sx faster\n",
        k, n, w, i, cpu, c, n / (i + c), v, ip, cp, ga, r }'
  done
done

# The plain 10-million-line log into a copy of the gz warehouse, whose agents are classified
# already (the case of a nightly run): what a load costs without the robot classifier's start-up.
if [[ " $SIZES " == *" 10000000:gz "* ]] && [ -f "$WORK/access-10000000.log" ]; then
  rm -rf "$WORK/known" && mkdir -p "$WORK/known" && cp -r "$WORK/gz-10000000/out" "$WORK/known/out"
  sed "s#access-10000000.log.gz#access-10000000.log#" "$WORK/gz-10000000/bench.yaml" > "$WORK/known/bench.yaml"
  timed "$SNI ingest --quiet -c $WORK/known/bench.yaml"
  awk -v i="$SECONDS_WALL" -v p="$PEAK_MB" -v cpu="$CPU" 'BEGIN {
    printf "plain 10000000 lines, agents already classified: ingest %.1f s (%s CPU-s, %.0f lines/s); peak %s MB\n", i, cpu, 10000000 / i, p }'
fi
