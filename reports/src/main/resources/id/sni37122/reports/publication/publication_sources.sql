-- The source files a city's current results rest on: per kind and path, the newest current load
-- (a log that grew is loaded again from where it ended, one row per load; the newest has the
-- whole file's hash). Parameter: city.
WITH current_loads AS (
    SELECT kind, path, sha256, size_bytes,
           row_number() OVER (PARTITION BY kind, path ORDER BY file_id DESC) AS newest_first
    FROM source_file
    WHERE city = ? AND superseded_by IS NULL
),
final AS (
    SELECT kind, path, sha256, size_bytes FROM current_loads WHERE newest_first = 1
)
SELECT kind, path, sha256, size_bytes FROM final ORDER BY kind, path
