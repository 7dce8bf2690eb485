-- A file's identity is its content plus how it was read: format, zone, column mapping and the
-- connector's options, as canonical JSON (keys sorted). A file whose content is loaded but whose
-- read settings changed is loaded again. NULL for loads made before this column existed: their
-- format (recorded since 001) is compared, and the settings are recorded at the next ingest.
ALTER TABLE source_file ADD COLUMN read_settings VARCHAR;
