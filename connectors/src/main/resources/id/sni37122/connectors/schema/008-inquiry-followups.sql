-- Follow-up histories and a request's last update: owned by the connectors.inquiry package.
-- SP4N-LAPOR!'s export holds no response time; its follow-ups (tindak lanjut) come as their own
-- file, one row per follow-up, joined to the inquiry by ticket when 10.3 is computed.
CREATE TABLE inquiry_followup (
    city         VARCHAR NOT NULL,
    file_id      BIGINT NOT NULL,
    line         BIGINT NOT NULL,
    ticket       VARCHAR NOT NULL,
    responded_at TIMESTAMP NOT NULL -- UTC
);

-- Open311's updated_datetime: what it means depends on the status (rules.inquiries.statuses), so
-- it is kept as written and read through the status table at compute time, not at load.
ALTER TABLE inquiry ADD COLUMN updated_at TIMESTAMP; -- UTC
