-- population tables: owned by the connectors.population package.
-- One figure per city and year (BPS, mid-year). Inline config entries have no file (file_id NULL)
-- and are replaced on every run; figures from a population CSV carry their file. listed_by is the
-- config that listed the figure: a province config lists its kabupaten/kota, and their sum is the
-- province's population for a year it has no figure of its own.
CREATE TABLE population (
    city       VARCHAR NOT NULL,
    year       INTEGER NOT NULL,
    population BIGINT NOT NULL,
    source     VARCHAR,
    file_id    BIGINT,
    line       BIGINT,
    listed_by  VARCHAR NOT NULL
);
