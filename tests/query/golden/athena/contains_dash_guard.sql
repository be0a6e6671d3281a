SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE (vpc_id <> '-' AND strpos(vpc_id, '-') > 0)
