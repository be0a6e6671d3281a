SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE ((try_cast(srcaddr AS ipaddress) = IPADDRESS '10.0.0.1' AND (dstport = 22 OR dstport = 3389)) OR action = 'REJECT')
