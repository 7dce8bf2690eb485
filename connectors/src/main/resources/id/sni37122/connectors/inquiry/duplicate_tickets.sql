-- Rows of one file whose ticket an earlier loaded row of the same file already holds: each with the
-- first row's line, in file order. Found after the file is appended, so that no map of every
-- ticket (a million strings) is held while reading. Parameters: file_id, file_id.
WITH twice AS (
    SELECT ticket, min(line) AS first_line
    FROM inquiry
    WHERE file_id = ?
    GROUP BY ticket
    HAVING count(*) > 1
)
SELECT i.line, i.ticket, t.first_line
FROM inquiry i
JOIN twice t USING (ticket)
WHERE i.file_id = ? AND i.line > t.first_line
ORDER BY i.line
