SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE try_cast(srcaddr AS ipaddress) = IPADDRESS '10.0.0.5'
