-- The first rejected rows of each of a city's current files: where to look first.
SELECT f.path, r.line, r.col, r.reason, r.detail
FROM rejected_row r
JOIN source_file f USING (file_id)
WHERE f.city = ? AND f.superseded_by IS NULL
QUALIFY row_number() OVER (PARTITION BY r.file_id ORDER BY r.line) <= ?
ORDER BY f.path, r.line
