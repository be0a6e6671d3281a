SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE regexp_like(subnet_id, '^subnet-0')
