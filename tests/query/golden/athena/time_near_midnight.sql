SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE day BETWEEN '2026/03/10' AND '2026/03/11'
  AND "end" >= 1773183600
  AND start < 1773185400
