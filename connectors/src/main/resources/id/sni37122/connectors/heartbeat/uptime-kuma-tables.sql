-- The Uptime Kuma 2.0 (SQLite) tables UptimeKumaReader reads, as Kuma creates them: 1.23's
-- monitor, heartbeat and setting (db/kuma.db and db/patch*.sql at tag 1.23.17), with the columns
-- and tables 2.0.0's db/knex_migrations add (heartbeat.end_time and retries; stat_daily,
-- stat_hourly with ping_min, ping_max and extras). The monitor table is trimmed of the check
-- settings the reader ignores. Not run by the pipeline: the sample generator builds its kuma.db
-- from it (tests use the real empty databases in ../shared/data/real/uptime-kuma/).
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
    end_time DATETIME NULL DEFAULT NULL,
    retries INTEGER NOT NULL DEFAULT '0',
    CONSTRAINT FK_monitor FOREIGN KEY (monitor_id) REFERENCES monitor (id) ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX important ON heartbeat (important);
CREATE INDEX monitor_time_index ON heartbeat (monitor_id, time);
CREATE INDEX monitor_important_time_index ON heartbeat (monitor_id, important, time);

CREATE TABLE setting (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key VARCHAR(200) NOT NULL UNIQUE,
    value TEXT,
    type VARCHAR(20)
);

CREATE TABLE stat_daily (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    monitor_id INTEGER NOT NULL,
    timestamp INTEGER NOT NULL, -- the UTC day's start, unix seconds
    ping INTEGER DEFAULT '0',
    up INTEGER NOT NULL,
    down INTEGER NOT NULL,
    ping_min FLOAT NOT NULL DEFAULT '0',
    ping_max FLOAT NOT NULL DEFAULT '0',
    extras TEXT DEFAULT NULL,   -- JSON, e.g. {"maintenance":8}
    FOREIGN KEY (monitor_id) REFERENCES monitor (id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX stat_daily_monitor_id_timestamp_unique ON stat_daily (monitor_id, timestamp);

CREATE TABLE stat_hourly (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    monitor_id INTEGER NOT NULL,
    timestamp INTEGER NOT NULL,
    ping INTEGER DEFAULT '0',
    ping_min FLOAT NOT NULL DEFAULT '0',
    ping_max FLOAT NOT NULL DEFAULT '0',
    up INTEGER NOT NULL,
    down INTEGER NOT NULL,
    extras TEXT DEFAULT NULL,
    FOREIGN KEY (monitor_id) REFERENCES monitor (id) ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX stat_hourly_monitor_id_timestamp_unique ON stat_hourly (monitor_id, timestamp);
