-- count_window_contacts (0035) is called once per part of a city's window cases, with that part's
-- first and last id. PL/pgSQL keeps its statement's plan per connection, and from the sixth call
-- on may keep a generic plan, made without the ids. On the embedded store such a plan took 1.3 s
-- for one part of 500 cases, where the parts before it took 120–150 ms (measured during an
-- import, PGlite, baseline compiler): the store was held that long for every other user. Each
-- call now plans for its own ids, a few milliseconds.
ALTER FUNCTION count_window_contacts(text, uuid, uuid) SET plan_cache_mode = force_custom_plan;
