-- population tables: owned by the connectors.population package.
-- One figure per city and year (BPS, mid-year). Inline config entries have no file (file_id NULL)
-- and are replaced on every run; figures from a population CSV carry their file.
CREATE TABLE population (
    city       VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    population BIGINT NOT NULL,
    source     VARCHAR,
    file_id    BIGINT,
    line       BIGINT
);
