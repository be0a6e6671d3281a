SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE strpos(interface_id, 'eni-0a') > 0
