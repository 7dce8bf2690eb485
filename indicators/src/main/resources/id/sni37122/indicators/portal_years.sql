SELECT DISTINCT year(timezone(?, to_timestamp(ts))) AS y FROM portal_hit WHERE city = ? ORDER BY y
