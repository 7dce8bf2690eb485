#!/usr/bin/env bash
# make bench: runs the bench sections one after another, alone among benches on this machine
# (flock /tmp/sni-bench.lock), and says how loaded the machine was before and after, since other
# work on a shared machine moves every figure. A section is any bench/*.sh besides run.sh and
# lib.sh (sourcing lib.sh for the release's launcher and the timing helpers); startup.sh and
# portal.sh go first, the others in name order. SECTIONS="startup portal" runs only those.
# Each section prints its own figures, side by side with GoAccess where it has an equivalent.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/work
exec 9> /tmp/sni-bench.lock
flock 9

if [ -n "${SECTIONS:-}" ]; then
  sections=$SECTIONS
else
  others=$(ls bench/*.sh | xargs -n1 basename | sed 's/\.sh$//' | grep -v -x -e run -e lib -e startup -e portal | sort || true)
  sections="startup portal $others"
fi
echo "bench on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'); load before: $(uptime | sed 's/.*load average: //')"
for section in $sections; do
  echo "== $section"
  bash "bench/$section.sh"
done
echo "load after: $(uptime | sed 's/.*load average: //')"
