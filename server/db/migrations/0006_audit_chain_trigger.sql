-- The audit log's hash chain (issue 8). The database itself links every committed audit row:
-- the application's role may insert audit rows but has no right on audit_chain, and the
-- functions below belong to the owner role that runs the migrations (SECURITY DEFINER), so the
-- application can neither skip, forge nor rewrite a link.
--
-- A link's hash is SHA-256 over these fields, each written as `~` when NULL and otherwise as
-- `<length in UTF-8 bytes>:<text>`, joined by `|`:
--   prev_hash, seq, chained_at, tenant_id, id, at, actor_id, actor_login, action, record_type,
--   record_id, client_address, detail::text
-- Times are UTC as YYYY-MM-DDTHH:MM:SS.ffffffZ. `npm run yorisoi -- audit verify`
-- (server/modules/audit/verify-chain.ts) recomputes it in JavaScript, not with these functions.
CREATE FUNCTION audit_chain_field(v text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END
$$;
--> statement-breakpoint
CREATE FUNCTION audit_chain_time(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;
--> statement-breakpoint
CREATE FUNCTION audit_chain_link(r audit_log, stamp timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  next_seq bigint;
  prev text;
BEGIN
  -- One link at a time per city, held until commit: concurrent transactions queue here, so
  -- each city's rows form one line whatever the number of connections.
  PERFORM pg_advisory_xact_lock(hashtext('yorisoi.audit_chain'), hashtext(r.tenant_id));
  SELECT c.seq, c.hash INTO head_seq, head_hash
    FROM audit_chain c WHERE c.tenant_id = r.tenant_id ORDER BY c.seq DESC LIMIT 1;
  IF FOUND THEN
    next_seq := head_seq + 1;
    prev := head_hash;
  ELSE
    next_seq := 1;
    prev := repeat('0', 64);
  END IF;
  -- Taken after the lock, so chained_at grows along the chain.
  stamp := coalesce(stamp, clock_timestamp());
  INSERT INTO audit_chain (tenant_id, seq, audit_id, chained_at, prev_hash, hash)
  VALUES (r.tenant_id, next_seq, r.id, stamp, prev, encode(sha256(convert_to(concat_ws('|',
    audit_chain_field(prev), audit_chain_field(next_seq::text), audit_chain_field(audit_chain_time(stamp)),
    audit_chain_field(r.tenant_id), audit_chain_field(r.id::text), audit_chain_field(audit_chain_time(r.at)),
    audit_chain_field(r.actor_id::text), audit_chain_field(r.actor_login), audit_chain_field(r.action),
    audit_chain_field(r.record_type), audit_chain_field(r.record_id), audit_chain_field(r.client_address),
    audit_chain_field(r.detail::text)), 'UTF8')), 'hex'));
END;
$$;
--> statement-breakpoint
CREATE FUNCTION audit_chain_append() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM audit_chain_link(NEW, NULL);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Deferred to the commit: the lock above is then taken after the transaction's own work, so
-- it is held only for the commit and cannot deadlock with the rows a transaction locks.
CREATE CONSTRAINT TRIGGER audit_log_chain
  AFTER INSERT ON audit_log DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_chain_append();
--> statement-breakpoint
CREATE FUNCTION append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION append_only();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate
  BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION append_only();
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_chain_link(audit_log, timestamptz) FROM PUBLIC;
--> statement-breakpoint
-- The rows written before the chain existed are linked in their order, chained at their own
-- time (the database did not see them arrive).
DO $$
DECLARE
  r audit_log;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY tenant_id, id LOOP
    PERFORM audit_chain_link(r, r.at);
  END LOOP;
END;
$$;
