SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE bytes >= 1000000
  AND packets > 10
