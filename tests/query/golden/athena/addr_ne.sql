SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE NOT COALESCE(try_cast(pkt_srcaddr AS ipaddress) BETWEEN IPADDRESS '203.0.113.0' AND IPADDRESS '203.0.113.255', false)
