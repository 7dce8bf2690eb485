-- Loaded source files, newest first.
SELECT kind, format, rows_read, rows_loaded, rows_rejected,
       strftime(loaded_at, '%Y-%m-%d %H:%M') AS loaded_at, path
FROM source_file
ORDER BY loaded_at DESC, kind, path
