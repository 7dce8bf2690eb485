-- The latest moment the city's inquiry data knows of: unanswered records are open up to here.
SELECT max(greatest(submitted_at, coalesce(first_response_at, submitted_at), coalesce(closed_at, submitted_at)))
FROM inquiry
WHERE city = ?
