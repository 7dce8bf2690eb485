-- Core tables: runs, loaded source files, rejected rows, indicator results.
-- A source file's rows and its source_file row are written in one transaction, so a file is
-- either wholly loaded and recorded, or not at all.

CREATE SEQUENCE run_seq START 1;
CREATE TABLE run (
    run_id        BIGINT PRIMARY KEY,
    city          VARCHAR,
    command       VARCHAR NOT NULL,
    tool_version  VARCHAR,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    exit_code     INTEGER,
    files_loaded  INTEGER,
    files_skipped INTEGER,
    rows_loaded   BIGINT,
    rows_rejected BIGINT,
    warnings      INTEGER,
    message       VARCHAR
);

CREATE SEQUENCE source_file_seq START 1;
CREATE TABLE source_file (
    file_id       BIGINT PRIMARY KEY,
    city          VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,   -- portal, catalog, inquiries, incidents, heartbeats, population
    format        VARCHAR NOT NULL,
    path          VARCHAR NOT NULL,   -- as resolved on the machine that loaded it
    sha256        VARCHAR NOT NULL,   -- content hash: the same content is never loaded twice (while current)
    size_bytes    BIGINT NOT NULL,
    loaded_at     TIMESTAMPTZ NOT NULL,
    run_id        BIGINT,
    rows_read     BIGINT NOT NULL,
    rows_loaded   BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    details       VARCHAR,            -- JSON: connector-specific counts (filtered by reason, ...)
    start_offset  BIGINT NOT NULL DEFAULT 0, -- > 0: only the bytes after this were loaded (the file grew)
    start_line    BIGINT NOT NULL DEFAULT 0, -- lines before start_offset
    resumed_from  BIGINT,             -- the earlier version of this path that this load continues
    superseded_by BIGINT              -- set when the path's content changed and a new load replaced this one
);

-- Rows a connector could not read. reason is a message key (rendered in the report's
-- language); detail is the offending value, never a whole raw line with personal data.
CREATE TABLE rejected_row (
    file_id BIGINT NOT NULL,
    line    BIGINT,
    col     VARCHAR,
    reason  VARCHAR NOT NULL,
    detail  VARCHAR
);

-- Every computed result is kept, for history and trends.
CREATE TABLE indicator_result (
    run_id      BIGINT,
    city        VARCHAR NOT NULL,
    year        INTEGER NOT NULL,
    indicator   VARCHAR NOT NULL,
    value       DOUBLE,
    numerator   DOUBLE,
    denominator DOUBLE,
    unit        VARCHAR,
    rules       VARCHAR,              -- JSON of the effective rules
    computed_at TIMESTAMPTZ NOT NULL
);
