-- Every Uptime Kuma heartbeat with its monitor's name and check interval (seconds), in id order;
-- a heartbeat whose monitor row is gone comes with a NULL name.
SELECT h.id, h.monitor_id, m.name, m.interval, h.status, h.time
FROM heartbeat h
LEFT JOIN monitor m ON m.id = h.monitor_id
ORDER BY h.id
