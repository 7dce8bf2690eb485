-- The latest moment the city's inquiry data knows of: unanswered records are open up to here.
-- Parameters: $1 city.
WITH records AS (
    SELECT max(greatest(submitted_at, first_response_at, closed_at, updated_at)) AS latest
    FROM inquiry
    WHERE city = $1
),
followups AS (
    SELECT max(responded_at) AS latest
    FROM inquiry_followup
    WHERE city = $1
),
final AS (
    SELECT greatest(records.latest, followups.latest) AS cutoff
    FROM records, followups
)
SELECT cutoff FROM final
