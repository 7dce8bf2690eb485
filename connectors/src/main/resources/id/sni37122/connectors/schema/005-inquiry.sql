-- inquiry tables: owned by the connectors.inquiry package.
-- Only what 10.3 needs: no names, phone numbers, NIK or free text are ever read.
CREATE TABLE inquiry (
    city              VARCHAR NOT NULL,
    file_id           BIGINT NOT NULL,
    line              BIGINT NOT NULL,
    ticket            VARCHAR NOT NULL,
    channel           VARCHAR,
    category          VARCHAR,
    kind              VARCHAR,          -- inquiry, complaint or emergency as the source says; NULL: decided by the category rules at compute time
    agency            VARCHAR,
    status            VARCHAR,
    submitted_at      TIMESTAMP NOT NULL, -- UTC
    first_response_at TIMESTAMP,          -- UTC
    closed_at         TIMESTAMP           -- UTC
);
