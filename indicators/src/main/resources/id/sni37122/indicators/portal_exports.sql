-- Visits from analytics exports for one city and local year, for a year without raw logs. A period
-- exported twice is taken from the latest file. Parameters: city, year.
SELECT period_start, period_end, visits, tool
FROM portal_visit_export
WHERE city = ?
QUALIFY row_number() OVER (PARTITION BY period_start, period_end ORDER BY file_id DESC, line DESC) = 1
    AND year(period_start) = ?
ORDER BY period_start
