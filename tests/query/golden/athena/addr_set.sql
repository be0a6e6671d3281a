SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE (try_cast(srcaddr AS ipaddress) IN (IPADDRESS '10.0.0.1', IPADDRESS '10.0.0.5', IPADDRESS '2001:db8::1') OR try_cast(srcaddr AS ipaddress) BETWEEN IPADDRESS '192.168.0.0' AND IPADDRESS '192.168.255.255' OR try_cast(dstaddr AS ipaddress) IN (IPADDRESS '10.0.0.1', IPADDRESS '10.0.0.5', IPADDRESS '2001:db8::1') OR try_cast(dstaddr AS ipaddress) BETWEEN IPADDRESS '192.168.0.0' AND IPADDRESS '192.168.255.255')
