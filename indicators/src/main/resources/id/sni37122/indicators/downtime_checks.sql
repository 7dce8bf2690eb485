-- Every monitor check of one city in time order per monitor, with the monitor's configured
-- interval in seconds (the largest any source gives; NULL when none does). A check loaded from
-- two files (overlapping exports) is read once. Parameter: city.
SELECT monitor, ts, status, max(max(interval_s)) OVER (PARTITION BY monitor) AS interval_s
FROM heartbeat
WHERE city = ?
GROUP BY monitor, ts, status
ORDER BY monitor, ts, status
