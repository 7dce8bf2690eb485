SELECT DISTINCT year(timezone(?, to_timestamp(ts))) AS y FROM portal_hit WHERE file_id IN (SELECT file_id FROM source_file WHERE city = ?)
UNION
SELECT DISTINCT year(period_start) FROM portal_visit_export WHERE city = ?
ORDER BY 1
