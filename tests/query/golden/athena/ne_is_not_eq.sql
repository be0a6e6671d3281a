SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE NOT COALESCE(action = 'REJECT', false)
