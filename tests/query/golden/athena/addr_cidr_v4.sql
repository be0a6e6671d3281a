SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE (try_cast(srcaddr AS ipaddress) BETWEEN IPADDRESS '10.0.0.0' AND IPADDRESS '10.255.255.255' OR try_cast(dstaddr AS ipaddress) BETWEEN IPADDRESS '10.0.0.0' AND IPADDRESS '10.255.255.255')
