SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE interface_id = 'it''s'
