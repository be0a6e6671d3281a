SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE day = '2026/03/10'
  AND (start <= 1773144000 AND "end" >= 1773144000)
