SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE (try_cast(srcaddr AS ipaddress) IN (SELECT try_cast(value AS ipaddress) FROM "flowlogs"."ioc_tor_exits") OR try_cast(dstaddr AS ipaddress) IN (SELECT try_cast(value AS ipaddress) FROM "flowlogs"."ioc_tor_exits"))
