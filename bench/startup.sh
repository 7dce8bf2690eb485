#!/usr/bin/env bash
# A small city as a Diskominfo server runs it, through the release's launcher, side by side with
# GoAccess in the same run (interleaved rounds: this machine's speed drifts from minute to minute).
#   --version            (target: under 0,6 s)
#   first ingest of the Samarinda sample logs (66 758 + 3 195 lines), portal only, into a fresh
#                        warehouse, against GoAccess parsing the same lines (target: within 1,5x):
#                        with the installation's robot verdicts empty (cold: the Yauaa classifier
#                        is built, as on a new installation or after a Yauaa upgrade) and kept from
#                        the cold one (warm: any later first load on the same installation)
#   first run of the whole Samarinda sample (every source, reports): peak memory (target: < 300 MB),
#                        cold and warm as above
#   nightly run with nothing new (target: under 1 s), against GoAccess parsing the logs again, and
#                        a night after the config was edited (everything recomputed, workbooks rewritten)
# The launcher's cache folder (class-data archive, robot verdicts) is bench/work/cache, never the
# user's: a warm-up run writes its class-data archive first, so every measured start has one.
# ROUNDS=n changes the number of rounds (default 3); the figures printed are each round's.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
ROUNDS=${ROUNDS:-3}
city=$WORK/small
logs=samples/samarinda/portal
lines=$( (zcat -f "$logs"/*) | wc -l)

rm -rf "$city" && mkdir -p "$city" && cp -r samples/samarinda "$city/full" && rm -rf "$city/full/out"
cat > "$city/portal.yaml" <<YAML
city: {code: samarinda, name: Kota Samarinda, timezone: Asia/Makassar}
population: [{year: 2023, population: 842691, source: bench}]
sources:
  portal: [{path: $PWD/$logs, format: combined}]
output: out/
secret_file: out/visitor.key
YAML

export XDG_CACHE_HOME=$(cd "$WORK" && pwd)/cache
verdicts=$XDG_CACHE_HOME/sni37122/robot-verdicts-*.tsv
# Unmeasured: the class-data archive of a whole run, as an installation has after its first night.
$SNI run --quiet -c "$city/full/samarinda.yaml" > /dev/null 2>&1 || true
rm -rf "$city/full/out"

echo "small city: Samarinda sample logs, $lines lines in $(ls "$logs" | wc -l) files"
for round in $(seq "$ROUNDS"); do
  timed "$SNI --version > /dev/null"
  version=$(measured)
  goaccess_timed "$logs"/*
  rm -rf "$city/out" $verdicts
  timed "$SNI ingest --quiet -c $city/portal.yaml"
  cold=$SECONDS_WALL cold_line=$(measured)
  rm -rf "$city/out"
  timed "$SNI ingest --quiet -c $city/portal.yaml"
  echo "  round $round: --version $version | first ingest, robot verdicts cold $cold_line, ratio $(ratio "$cold" "$GA")x;" \
    "warm $(measured), ratio $(ratio "$SECONDS_WALL" "$GA")x | $GA_LINE"
done

# The whole sample city (every source kind, workbooks and charts), then nights with nothing new.
for round in $(seq "$ROUNDS"); do
  rm -rf "$city/full/out" $verdicts
  timed "$SNI run --quiet -c $city/full/samarinda.yaml 2>/dev/null"
  cold_line=$(measured)
  rm -rf "$city/full/out"
  timed "$SNI run --quiet -c $city/full/samarinda.yaml 2>/dev/null"
  echo "  round $round: whole sample city, first run: robot verdicts cold $cold_line; warm $(measured)"
done
for round in $(seq "$ROUNDS"); do
  timed "$SNI run --quiet -c $city/full/samarinda.yaml"
  noop=$(measured)
  goaccess_timed "$logs"/*
  # An edited config (here only its time) makes the night a whole one: every figure recomputed from
  # the warehouse and every workbook written again, the agents all known (no classifier built).
  touch "$city/full/samarinda.yaml"
  timed "$SNI run --quiet -c $city/full/samarinda.yaml 2>/dev/null"
  echo "  round $round: nightly run, nothing new: $noop | $GA_LINE parsing the logs again | config edited, all recomputed: $(measured)"
done
