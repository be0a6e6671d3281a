SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE NOT COALESCE(srcport = 22 AND protocol = 6, false)
