INSERT INTO source_file (file_id, city, kind, format, path, sha256, size_bytes, loaded_at, run_id,
                         rows_read, rows_loaded, rows_rejected, details, start_offset, start_line, resumed_from,
                         read_settings)
VALUES (?, ?, ?, ?, ?, ?, ?, current_timestamp, ?, ?, ?, ?, ?, ?, ?, ?, ?)
