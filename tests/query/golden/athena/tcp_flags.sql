SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE bitwise_and(tcp_flags, 2) = 2
  AND NOT COALESCE(bitwise_and(tcp_flags, 16) = 16, false)
