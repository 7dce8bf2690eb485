-- catalog tables: owned by the connectors.catalog package.
CREATE TABLE catalog_service (
    city          VARCHAR NOT NULL,
    file_id       BIGINT NOT NULL,
    line          BIGINT NOT NULL,
    code          VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    agency        VARCHAR,
    area          VARCHAR,          -- as the catalogue writes it; NULL when blank (10.2 maps it to an ISO area)
    online        BOOLEAN NOT NULL,
    online_source VARCHAR NOT NULL, -- 'flag' (explicit column) or 'level' (SPBE level fallback)
    level         VARCHAR,
    url           VARCHAR,
    valid_from    DATE,
    valid_to      DATE
);
