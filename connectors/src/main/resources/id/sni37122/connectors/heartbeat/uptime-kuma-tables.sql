-- The two Uptime Kuma (1.23, SQLite) tables UptimeKumaReader reads, as Kuma creates them, with
-- their indexes; the monitor table is trimmed of the check settings the reader ignores.
-- Not run by the pipeline: tests and the sample generator build kuma.db files from it, so they
-- exercise the reader against Kuma's real schema.
CREATE TABLE monitor (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    name VARCHAR(150),
    active BOOLEAN DEFAULT 1 NOT NULL,
    user_id INTEGER REFERENCES user ON UPDATE CASCADE ON DELETE SET NULL,
    interval INTEGER DEFAULT 20 NOT NULL,
    url TEXT,
    type VARCHAR(20),
    weight INTEGER DEFAULT 2000,
    hostname VARCHAR(255),
    port INTEGER,
    created_date DATETIME DEFAULT (DATETIME('now')) NOT NULL,
    keyword VARCHAR(255),
    maxretries INTEGER NOT NULL DEFAULT 0,
    ignore_tls BOOLEAN DEFAULT 0 NOT NULL,
    upside_down BOOLEAN DEFAULT 0 NOT NULL,
    maxredirects INTEGER DEFAULT 10 NOT NULL,
    accepted_statuscodes_json TEXT DEFAULT '["200-299"]' NOT NULL,
    retry_interval INTEGER DEFAULT 0 NOT NULL,
    method TEXT DEFAULT 'GET' NOT NULL,
    description TEXT DEFAULT NULL
);

CREATE TABLE heartbeat (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    important BOOLEAN NOT NULL DEFAULT 0,
    monitor_id INTEGER NOT NULL,
    status SMALLINT NOT NULL,   -- 0 down, 1 up, 2 pending, 3 maintenance
    msg TEXT,
    time DATETIME NOT NULL,     -- UTC, 'YYYY-MM-DD HH:MM:SS.SSS'
    ping INTEGER,
    duration INTEGER NOT NULL DEFAULT 0,
    down_count INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT FK_monitor FOREIGN KEY (monitor_id) REFERENCES monitor (id) ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX important ON heartbeat (important);
CREATE INDEX monitor_time_index ON heartbeat (monitor_id, time);
CREATE INDEX monitor_important_time_index ON heartbeat (monitor_id, important, time);
