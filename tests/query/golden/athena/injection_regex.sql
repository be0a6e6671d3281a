SELECT *
FROM "flowlogs"."vpc_flow_logs"
WHERE (regexp_like(instance_id, '^i-''.*') OR strpos(az_id, ''''' OR 1=1') > 0)
