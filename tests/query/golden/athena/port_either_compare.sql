SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE (srcport < 1024 OR dstport < 1024)
