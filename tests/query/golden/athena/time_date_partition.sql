SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE "date" BETWEEN DATE '2026-03-10' AND DATE '2026-03-11'
  AND "end" >= 1773108000
  AND start < 1773187200
