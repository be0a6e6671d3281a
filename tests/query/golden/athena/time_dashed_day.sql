SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE day BETWEEN '2026-12-31' AND '2027-01-01'
  AND "end" >= 1798747200
  AND start <= 1798761599
