SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE accid IN ('111111111111', '222222222222')
  AND (account_id = '111111111111' OR account_id = '222222222222')
