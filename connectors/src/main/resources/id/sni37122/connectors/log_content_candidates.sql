-- Current loads of one city and kind whose content begins with the same first line, fewest bytes
-- first (LogContent.match hashes the file once, in order). Parameters: 1 city, 2 kind, 3 head hash.
SELECT l.file_id, s.path, l.content_hash, l.content_bytes
FROM log_content l
JOIN source_file s USING (file_id)
WHERE s.city = ? AND s.kind = ? AND s.superseded_by IS NULL AND l.head_sha256 = ?
ORDER BY l.content_bytes, l.file_id
