SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE action = 'REJECT'
  AND log_status = 'OK'
  AND type = 'IPv6'
  AND flow_direction = 'egress'
  AND protocol = 17
