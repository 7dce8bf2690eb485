-- The content of each appendable log load, decompressed (LogContent): how a rotated, renamed or
-- compressed copy of a log already loaded is recognised, so that logrotate never removes history.
CREATE TABLE log_content (
    file_id        BIGINT PRIMARY KEY, -- the source_file load
    head_sha256    VARCHAR NOT NULL,   -- SHA-256 of the content's first line (at most 4 096 bytes): finds candidates
    content_hash   VARCHAR NOT NULL,   -- of the content from its first byte to content_bytes: SHA-256 in hex, or for a
                                       -- compressed load 'crc32c:' and hex (taken as it inflates: SHA-256 there cost
                                       -- 1.5-3 CPU-s per 10 M lines; CRC32C is hardware-fast)
    content_bytes  BIGINT NOT NULL     -- how much of the content this load and the loads it continues hold
);
