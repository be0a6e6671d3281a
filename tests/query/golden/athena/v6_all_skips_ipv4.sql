SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE (try_cast(srcaddr AS ipaddress) BETWEEN IPADDRESS '::' AND IPADDRESS '::fffe:ffff:ffff' OR try_cast(srcaddr AS ipaddress) BETWEEN IPADDRESS '::1:0:0:0' AND IPADDRESS 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')
