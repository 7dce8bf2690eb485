-- The incident register's outages of one city (a ticket listed in several files is taken from
-- the latest file). NULL end: still open. Parameter: city.
SELECT 'register' AS origin, asset, cause, planned, started_at, ended_at
FROM incident
WHERE city = ?
QUALIFY row_number() OVER (PARTITION BY coalesce(ticket, file_id::VARCHAR || ':' || line::VARCHAR)
                           ORDER BY file_id DESC, line DESC) = 1
ORDER BY started_at, asset
