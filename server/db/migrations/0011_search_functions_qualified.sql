-- ANALYZE and other maintenance run index expressions with search_path set to pg_catalog only
-- (PostgreSQL 17, which PGlite is): search_grams and search_fold called their helpers by bare
-- name, so an import's ANALYZE of cases failed with "function search_pairs(text) does not
-- exist". The same definitions, each call qualified with its schema; results are unchanged.
CREATE OR REPLACE FUNCTION search_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT public.search_fold_chars(public.search_kana(lower(normalize(t, NFKC) COLLATE "C")))
$$;

--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_grams(VARIADIC parts text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT public.search_pairs(array_to_string(parts, ' '))
$$;
