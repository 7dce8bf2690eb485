-- The content of each appendable log load, decompressed (LogContent): how a rotated, renamed or
-- compressed copy of a log already loaded is recognised, so that logrotate never removes history.
CREATE TABLE log_content (
    file_id        BIGINT PRIMARY KEY, -- the source_file load
    head_sha256    VARCHAR NOT NULL,   -- SHA-256 of the content's first line (at most 4 096 bytes): finds candidates
    content_sha256 VARCHAR NOT NULL,   -- SHA-256 of the content from its first byte to content_bytes
    content_bytes  BIGINT NOT NULL     -- how much of the content this load and the loads it continues hold
);
