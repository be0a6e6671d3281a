SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE NOT COALESCE(dstport = 22, false)
