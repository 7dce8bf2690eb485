SELECT DISTINCT year(timezone(?, timezone('UTC', t))) AS y
FROM (SELECT started_at AS t FROM incident WHERE city = ?
      UNION ALL SELECT ts FROM heartbeat WHERE city = ? AND status IN ('down', 'maintenance'))
ORDER BY y
