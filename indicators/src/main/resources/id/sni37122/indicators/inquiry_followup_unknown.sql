-- Follow-ups whose ticket is in none of the city's inquiry files, per follow-up file.
-- Parameters: $1 city.
WITH unknown AS (
    SELECT r.file_id
    FROM inquiry_followup r
    WHERE r.city = $1
      AND NOT EXISTS (SELECT 1 FROM inquiry i WHERE i.city = r.city AND i.ticket = r.ticket)
),
final AS (
    SELECT f.path, count(*) AS followups
    FROM unknown u
    JOIN source_file f ON f.file_id = u.file_id
    GROUP BY f.path
)
SELECT * FROM final ORDER BY path
