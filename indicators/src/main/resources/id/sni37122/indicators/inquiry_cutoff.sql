-- The latest moment a year's inquiry data knows of: that year's unanswered records are open up to
-- here (a 2022 record is not held open to the end of the 2023 data). Parameters: $1 city, $2 zone, $3 year.
WITH year_records AS (
    SELECT ticket, greatest(submitted_at, first_response_at, closed_at, updated_at) AS latest
    FROM inquiry
    WHERE city = $1 AND year(timezone($2, timezone('UTC', submitted_at))) = $3
),
followups AS (
    SELECT max(f.responded_at) AS latest
    FROM inquiry_followup f
    JOIN year_records r USING (ticket)
    WHERE f.city = $1
),
final AS (
    SELECT greatest((SELECT max(latest) FROM year_records), followups.latest) AS cutoff
    FROM followups
)
SELECT cutoff FROM final
