-- Years with hits, in local time: distinct UTC quarter hours are converted, not every hit (exact,
-- as zone offsets and their changes fall on quarter hours).
SELECT DISTINCT year(timezone(?, to_timestamp(q * 900))) AS y
FROM (SELECT DISTINCT ts // 900 AS q FROM portal_hit WHERE file_id IN (SELECT file_id FROM source_file WHERE city = ?))
UNION
SELECT DISTINCT year(period_start) FROM portal_visit_export WHERE city = ?
ORDER BY 1
