-- Services of one city offered at any time in a year (?2 = 31 Dec, ?3 = 1 Jan).
-- A code listed in several catalogue files is taken from the latest file.
SELECT code, name, agency, area, online, online_source
FROM catalog_service
WHERE city = ?
QUALIFY row_number() OVER (PARTITION BY lower(code) ORDER BY file_id DESC, line DESC) = 1
    AND (valid_from IS NULL OR valid_from <= ?)
    AND (valid_to IS NULL OR valid_to >= ?)
ORDER BY code
