-- Every file loaded for a city, newest first, with what happened to its rows.
SELECT path, kind, format, sha256, epoch_ms(loaded_at) AS loaded_ms, rows_read, rows_loaded, rows_rejected,
       superseded_by IS NOT NULL AS superseded, start_offset
FROM source_file
WHERE city = ?
ORDER BY kind, path, file_id
