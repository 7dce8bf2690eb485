-- Rejected rows of a city's current files, counted by file and reason.
SELECT f.path, r.reason, count(*) AS n
FROM rejected_row r
JOIN source_file f USING (file_id)
WHERE f.city = ? AND f.superseded_by IS NULL
GROUP BY f.path, r.reason
ORDER BY f.path, n DESC
