-- The last runs with what they did.
SELECT run_id, command, strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at,
       coalesce(epoch(finished_at) - epoch(started_at), 0) AS seconds,
       coalesce(CAST(exit_code AS VARCHAR), '?') AS exit_code,
       concat_ws(' ',
           'files=' || coalesce(files_loaded, 0) || '+' || coalesce(files_skipped, 0) || ' skip',
           'rows=' || coalesce(rows_loaded, 0),
           'rejected=' || coalesce(rows_rejected, 0),
           'warnings=' || coalesce(warnings, 0),
           CASE WHEN finished_at IS NULL THEN '(interrupted)' END) AS summary
FROM run
ORDER BY run_id DESC
LIMIT 15
