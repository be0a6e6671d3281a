SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE "aws-account-id" = '123456789010'
  AND "aws-region" = 'eu-west-1'
  AND account_id = '123456789010'
  AND region = 'eu-west-1'
