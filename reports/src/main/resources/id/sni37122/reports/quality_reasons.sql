-- Rejected rows of a city's current files, by file and reason: how many, in which columns, the
-- first line numbers (where to look first) and the first offending value.
WITH current_rejects AS (
    SELECT f.path, r.line, r.col, r.reason, r.detail
    FROM rejected_row r
    JOIN source_file f USING (file_id)
    WHERE f.city = ? AND f.superseded_by IS NULL
),
numbered AS (
    SELECT *, row_number() OVER (PARTITION BY path, reason ORDER BY line) AS nth
    FROM current_rejects
)
SELECT path,
       reason,
       count(*) AS n,
       string_agg(DISTINCT col, ', ' ORDER BY col) AS cols,
       string_agg(CAST(line AS VARCHAR), ', ' ORDER BY line) FILTER (WHERE nth <= ?) AS lines,
       arg_min(detail, line) FILTER (WHERE detail IS NOT NULL) AS detail
FROM numbered
GROUP BY path, reason
ORDER BY path, n DESC, reason
