-- The population figure for a city and year, or the nearest earlier year's (the caller decides
-- whether that may be used). Inline config figures win over files; among files, the latest.
SELECT year, population, source
FROM population
WHERE city = ? AND year <= ?
ORDER BY year DESC, (file_id IS NULL) DESC, file_id DESC
LIMIT 1
