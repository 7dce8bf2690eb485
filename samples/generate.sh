#!/usr/bin/env bash
# Rewrites samples/ from the seeded generators (cli/src/test/java/id/sni37122/samples/): the
# committed files are exactly what they write, and SampleCitiesTest checks that in `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl cli -am test -Dtest=SampleCitiesTest -Dsamples.write=true -Dsurefire.failIfNoSpecifiedTests=false
du -sh --exclude=out samples
