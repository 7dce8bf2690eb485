-- The population for a city and year: its own figure, else (a province) the sum of the kabupaten/kota
-- figures its config lists for that year, else the nearest earlier own figure (the caller decides
-- whether that may be used). Inline config figures win over files; among files, the latest.
-- Parameters: city, year, city, city, year.
WITH own AS (
    SELECT year, population, source, 0 AS preference
    FROM population
    WHERE city = ? AND year <= ?
    QUALIFY row_number() OVER (PARTITION BY year ORDER BY (file_id IS NULL) DESC, file_id DESC) = 1
), listed AS (
    SELECT year, sum(population) AS population,
           'jumlah ' || count(*) || ' kabupaten/kota: ' || string_agg(city || ' (' || coalesce(source, '-') || ')', ', ' ORDER BY city) AS source,
           1 AS preference
    FROM (SELECT * FROM population WHERE listed_by = ? AND city <> ?
          QUALIFY row_number() OVER (PARTITION BY city, year ORDER BY (file_id IS NULL) DESC, file_id DESC) = 1)
    WHERE year = ?
    GROUP BY year
)
SELECT year, population, source FROM (SELECT * FROM own UNION ALL SELECT * FROM listed)
ORDER BY year DESC, preference
LIMIT 1
