"""10.3 for the real NYC 311 sample, by Closed Date, computed without sni37122.

Run from the repository root:
    python3 indicators/src/test/resources/id/sni37122/indicators/nyc311_2011_by_closure.py \
        ../shared/data/real/nyc311/311_nyc_sample.csv

Rules (INDICATORS.md 10.3 with csv311's default): a request belongs to the year of its Created Date
in New York time; its response is its Closed Date (NYC 311 has no first-response column; Resolution
Action Updated Date is the agency's last update); requests without a Closed Date are unanswered and
left out; durations are between instants (in UTC), so a daylight-saving change in between counts.
InquiryResponseTimeRealDataTest asserts what this prints.
"""
import csv
import statistics
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

NEW_YORK = ZoneInfo("America/New_York")


def local(text):
    return datetime.strptime(text, "%m/%d/%Y %I:%M:%S %p").replace(tzinfo=NEW_YORK)


def instant(text):
    # In UTC: Python subtracts two times of one zone on the wall clock, ignoring a DST change between them.
    return local(text).astimezone(timezone.utc)


with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = [r for r in csv.DictReader(f) if local(r["Created Date"]).year == 2011]
hours = []
unanswered = 0
for r in rows:
    if not r["Closed Date"]:
        unanswered += 1
        continue
    seconds = (instant(r["Closed Date"]) - instant(r["Created Date"])).total_seconds()
    assert seconds >= 0, r["Unique Key"]
    hours.append(seconds / 3600)
median, p90 = statistics.median(hours), statistics.quantiles(hours, n=10, method="inclusive")[8]
print(f"records={len(rows)} answered={len(hours)} unanswered={unanswered}")
print(f"numerator_hours={sum(hours)!r} value_days={sum(hours) / len(hours) / 24!r}")
print(f"median_days={median / 24!r} p90_days={p90 / 24!r}")
