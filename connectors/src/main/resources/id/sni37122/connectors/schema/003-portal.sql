-- portal tables: owned by the connectors.portal package.
-- Every readable log line is kept in reduced form, so the counting rules (methods, statuses,
-- static assets, robots, hosts, visit window) are applied when the indicator is computed and
-- can change without reloading. No raw address is stored: visitor is a keyed hash (HMAC) of
-- address + user agent with the installation's secret.
-- The city is the file's (source_file.city): a hit table holds tens of millions of rows, and
-- every column costs load time.
CREATE TABLE portal_hit (
    file_id   BIGINT NOT NULL,
    ts        BIGINT NOT NULL,     -- epoch seconds (UTC)
    visitor   BIGINT NOT NULL,     -- keyed hash of the visitor key
    agent_key BIGINT,              -- user_agent.agent_key; NULL when the format has no user-agent field
    method    VARCHAR NOT NULL,
    status    SMALLINT NOT NULL,
    ext       VARCHAR,             -- lower-case file extension of the path without query, or 'robots.txt'
    host      VARCHAR              -- virtual host when the format has one
);

-- Each distinct user agent is classified once; nightly runs classify only new ones.
CREATE TABLE user_agent (
    agent_key   BIGINT PRIMARY KEY, -- first 8 bytes of SHA-256 of the agent text
    agent       VARCHAR NOT NULL,
    agent_class VARCHAR,            -- the classifier's DeviceClass (Robot, Hacker, Desktop, ...)
    robot       BOOLEAN NOT NULL,
    classifier  VARCHAR NOT NULL    -- name and version of the classifier used
);

-- Visits from an analytics tool's export (Matomo "Visits summary", Google Analytics "Sessions"),
-- the fallback when a city has no raw logs: one row per day or month, in that tool's definition.
CREATE TABLE portal_visit_export (
    city         VARCHAR NOT NULL,
    file_id      BIGINT NOT NULL,
    line         BIGINT NOT NULL,
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    visits       BIGINT NOT NULL,
    tool         VARCHAR NOT NULL
);
