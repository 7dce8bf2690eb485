-- Every combination of a record's own kind, category, channel and format in one city's inquiry
-- files: the class sorts each into a kind with its rules (Java patterns, as the config writes
-- them), and the response-time chain reads that sorting back as a table. Parameters: $1 city.
SELECT DISTINCT i.kind, i.category, i.channel, f.format
FROM inquiry i
JOIN source_file f ON f.file_id = i.file_id
WHERE i.city = $1 AND i.kind IS NULL
