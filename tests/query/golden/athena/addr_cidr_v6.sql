SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE try_cast(dstaddr AS ipaddress) BETWEEN IPADDRESS '2001:db8::' AND IPADDRESS '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'
