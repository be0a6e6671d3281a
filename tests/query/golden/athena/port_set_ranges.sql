SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE (dstport IN (22, 80, 443) OR dstport BETWEEN 1024 AND 2048 OR dstport BETWEEN 8080 AND 8090)
