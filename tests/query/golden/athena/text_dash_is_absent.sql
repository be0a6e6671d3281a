SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE (FALSE OR NOT FALSE)
