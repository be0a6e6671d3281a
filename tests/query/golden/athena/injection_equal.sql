SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE vpc_id = 'x''; DROP TABLE vpc_flow_logs; --'
