SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE NOT COALESCE(start < 1773100800, false)
