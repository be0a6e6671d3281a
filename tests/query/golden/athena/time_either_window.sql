SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE day BETWEEN '2026/03/01' AND '2026/03/06'
  AND (("end" >= 1772323200 AND start < 1772409600 AND dstport = 22) OR ("end" >= 1772668800 AND start < 1772755200))
