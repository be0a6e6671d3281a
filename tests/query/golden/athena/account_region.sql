SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE accid = '123456789010'
  AND day >= '2026/03/10'
  AND account_id = '123456789010'
  AND region = 'eu-west-1'
  AND "end" >= 1773100800
