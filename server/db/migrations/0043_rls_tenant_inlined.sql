-- yorisoi_tenant() (migration 0013), which every row-level security policy reads, made one that
-- PostgreSQL inlines: the same setting, read the same way, once per query (the policies' sub-selects
-- stay InitPlans). Its `SET search_path` clause kept PostgreSQL from inlining it (a function with
-- settings of its own never is), so each call ran as a separate SQL function whose body was parsed
-- and planned again in every query: 13.5 µs a call under load, and case detail's SELECT, over
-- three tables with two such sub-selects each, called it ~6 times (pg_stat_user_functions: 38,570
-- calls in 6,568 requests, 520 ms). Inlined, the sub-select is `current_setting` itself (~1 µs).
-- The name is qualified instead, so the body means the same whatever the caller's search_path.
CREATE OR REPLACE FUNCTION yorisoi_tenant() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT pg_catalog.current_setting('yorisoi.tenant', true)
$$;
