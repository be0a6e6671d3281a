SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE (srcport IN (22, 3389) OR dstport IN (22, 3389))
