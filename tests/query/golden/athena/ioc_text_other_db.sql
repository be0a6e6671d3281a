SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE interface_id IN (SELECT value FROM "threat_intel"."ioc_watched_enis")
LIMIT 100
