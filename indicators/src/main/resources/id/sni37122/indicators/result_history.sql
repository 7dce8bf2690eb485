-- The most recent result for each year of one city's indicator.
SELECT year, value, numerator, denominator
FROM (
    SELECT year, value, numerator, denominator,
           row_number() OVER (PARTITION BY year ORDER BY computed_at DESC, run_id DESC NULLS LAST) AS rn
    FROM indicator_result
    WHERE city = ? AND indicator = ?
)
WHERE rn = 1
ORDER BY year
