-- The tables sni37122 reads from an Uptime Kuma 2.x database on MariaDB, as Kuma creates them there:
-- louislam/uptime-kuma at 6398a9581, db/knex_init_db.js (monitor, heartbeat, setting) and the
-- db/knex_migrations that change them: 2023-08-16-0000-create-uptime (stat_daily),
-- 2023-08-18-0301-heartbeat (end_time), 2023-09-29-0000-heartbeat-retires (retries),
-- 2023-12-21-0000-stat-ping-min-max, 2023-12-22-0000-hourly-uptime (stat_hourly),
-- 2024-01-22-0000-stats-extras, 2025-10-15-0002-add-response-to-heartbeat,
-- 2026-01-10-0000-convert-float-precision (heartbeat.ping BIGINT, stat pings FLOAT(20,2)).
-- Written as knex's MySQL dialect writes them (increments: INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
-- boolean: TINYINT(1), datetime: DATETIME). The monitor table has knex_init_db.js's columns only
-- (later migrations add type-specific ones nothing here reads); its foreign keys to user,
-- docker_host and proxy, tables not made here, are left out.

CREATE TABLE monitor (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(150),
    active BOOLEAN NOT NULL DEFAULT 1,
    user_id INT UNSIGNED,
    `interval` INT NOT NULL DEFAULT 20,
    url TEXT,
    type VARCHAR(20),
    weight INT DEFAULT 2000,
    hostname VARCHAR(255),
    port INT,
    created_date DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    keyword VARCHAR(255),
    maxretries INT NOT NULL DEFAULT 0,
    ignore_tls BOOLEAN NOT NULL DEFAULT 0,
    upside_down BOOLEAN NOT NULL DEFAULT 0,
    maxredirects INT NOT NULL DEFAULT 10,
    accepted_statuscodes_json TEXT NOT NULL DEFAULT '["200-299"]',
    dns_resolve_type VARCHAR(5),
    dns_resolve_server VARCHAR(255),
    dns_last_result VARCHAR(255),
    retry_interval INT NOT NULL DEFAULT 0,
    push_token VARCHAR(20) DEFAULT NULL,
    method TEXT NOT NULL DEFAULT 'GET',
    body TEXT DEFAULT NULL,
    headers TEXT DEFAULT NULL,
    basic_auth_user TEXT DEFAULT NULL,
    basic_auth_pass TEXT DEFAULT NULL,
    docker_host INT UNSIGNED,
    docker_container VARCHAR(255),
    proxy_id INT UNSIGNED,
    expiry_notification BOOLEAN DEFAULT 1,
    mqtt_topic TEXT,
    mqtt_success_message VARCHAR(255),
    mqtt_username VARCHAR(255),
    mqtt_password VARCHAR(255),
    database_connection_string VARCHAR(2000),
    database_query TEXT,
    auth_method VARCHAR(250),
    auth_domain TEXT,
    auth_workstation TEXT,
    grpc_url VARCHAR(255) DEFAULT NULL,
    grpc_protobuf TEXT DEFAULT NULL,
    grpc_body TEXT DEFAULT NULL,
    grpc_metadata TEXT DEFAULT NULL,
    grpc_method TEXT DEFAULT NULL,
    grpc_service_name TEXT DEFAULT NULL,
    grpc_enable_tls BOOLEAN NOT NULL DEFAULT 0,
    radius_username VARCHAR(255),
    radius_password VARCHAR(255),
    radius_calling_station_id VARCHAR(50),
    radius_called_station_id VARCHAR(50),
    radius_secret VARCHAR(255),
    resend_interval INT NOT NULL DEFAULT 0,
    packet_size INT NOT NULL DEFAULT 56,
    game VARCHAR(255)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE heartbeat (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    important BOOLEAN NOT NULL DEFAULT 0,
    monitor_id INT UNSIGNED NOT NULL,
    status SMALLINT NOT NULL,
    msg TEXT,
    time DATETIME NOT NULL,
    ping BIGINT,
    duration INT NOT NULL DEFAULT 0,
    down_count INT NOT NULL DEFAULT 0,
    end_time DATETIME NULL DEFAULT NULL,
    retries INT NOT NULL DEFAULT 0,
    response TEXT NULL DEFAULT NULL,
    INDEX heartbeat_important_index (important),
    INDEX monitor_time_index (monitor_id, time),
    INDEX heartbeat_monitor_id_index (monitor_id),
    INDEX monitor_important_time_index (monitor_id, important, time),
    CONSTRAINT heartbeat_monitor_id_foreign FOREIGN KEY (monitor_id) REFERENCES monitor (id) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE setting (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `key` VARCHAR(200) NOT NULL COLLATE utf8mb3_general_ci,
    value TEXT,
    type VARCHAR(20),
    UNIQUE KEY setting_key_unique (`key`)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE stat_daily (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    monitor_id INT UNSIGNED NOT NULL,
    `timestamp` INT NOT NULL COMMENT 'Unix timestamp rounded down to the nearest day',
    ping FLOAT(20, 2) NOT NULL COMMENT 'Average ping in milliseconds',
    up SMALLINT NOT NULL,
    down SMALLINT NOT NULL,
    ping_min FLOAT(20, 2) NOT NULL DEFAULT 0 COMMENT 'Minimum ping during this period in milliseconds',
    ping_max FLOAT(20, 2) NOT NULL DEFAULT 0 COMMENT 'Maximum ping during this period in milliseconds',
    extras TEXT DEFAULT NULL COMMENT 'Extra statistics during this time period',
    UNIQUE KEY stat_daily_monitor_id_timestamp_unique (monitor_id, `timestamp`),
    CONSTRAINT stat_daily_monitor_id_foreign FOREIGN KEY (monitor_id) REFERENCES monitor (id) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'This table contains the daily aggregate statistics for each monitor';

CREATE TABLE stat_hourly (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    monitor_id INT UNSIGNED NOT NULL,
    `timestamp` INT NOT NULL COMMENT 'Unix timestamp rounded down to the nearest hour',
    ping FLOAT(20, 2) NOT NULL COMMENT 'Average ping in milliseconds',
    ping_min FLOAT(20, 2) NOT NULL DEFAULT 0 COMMENT 'Minimum ping during this period in milliseconds',
    ping_max FLOAT(20, 2) NOT NULL DEFAULT 0 COMMENT 'Maximum ping during this period in milliseconds',
    up SMALLINT NOT NULL,
    down SMALLINT NOT NULL,
    extras TEXT DEFAULT NULL COMMENT 'Extra statistics during this time period',
    UNIQUE KEY stat_hourly_monitor_id_timestamp_unique (monitor_id, `timestamp`),
    CONSTRAINT stat_hourly_monitor_id_foreign FOREIGN KEY (monitor_id) REFERENCES monitor (id) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COMMENT = 'This table contains the hourly aggregate statistics for each monitor';
