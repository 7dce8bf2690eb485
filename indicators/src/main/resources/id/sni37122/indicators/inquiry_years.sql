SELECT DISTINCT year(timezone(?, timezone('UTC', submitted_at))) AS y FROM inquiry WHERE city = ? ORDER BY y
