SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE day >= '2026/03/10'
  AND "end" > 1773100800
  AND action = 'REJECT'
