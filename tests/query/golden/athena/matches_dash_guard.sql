SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE (subnet_id <> '-' AND regexp_like(subnet_id, '^[a-z-]+$'))
