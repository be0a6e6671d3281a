SELECT *
FROM "flowlogs"."vpc_flow_logs"
LIMIT 100
