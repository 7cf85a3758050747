-- Staff notices of the web consultation (issue 11) are queued by whoever records the event: the
-- staff server, and also the public entry point when a resident writes. The public entry point's
-- database role may read neither accounts nor the staff's mail addresses (server/db/roles.ts,
-- grantPublicRole), so the INSERT … SELECT runs here, as the owner (SECURITY DEFINER): the caller
-- learns how many notices were queued, never to whom. Row-level security still holds the owner
-- (FORCE), so the caller's city scope (yorisoi.tenant) bounds what it can queue.
-- p_roles: the roles that may receive notices (null: any role).
CREATE FUNCTION yorisoi_enqueue_staff_notices(
  p_tenant text, p_kind text, p_thread uuid, p_now timestamptz, p_roles text[]
) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  WITH queued AS (
    INSERT INTO mail_outbox (tenant_id, kind, to_address, thread_id, next_attempt_at, created_at)
    SELECT p.tenant_id, p_kind, p.address, p_thread, p_now, p_now
      FROM account_mail_preferences p
      JOIN accounts a ON a.tenant_id = p.tenant_id AND a.id = p.account_id
     WHERE p.tenant_id = p_tenant
       AND a.active
       AND (p_roles IS NULL OR a.role = ANY (p_roles))
       AND CASE p_kind
             WHEN 'staff_new_inquiry' THEN p.new_inquiries
             WHEN 'staff_overdue' THEN p.overdue_inquiries
             ELSE false
           END
    RETURNING 1
  )
  SELECT count(*)::integer FROM queued
$$;
--> statement-breakpoint
-- Callable by the roles server/db/roles.ts grants it to (the application's and the public one).
REVOKE ALL ON FUNCTION yorisoi_enqueue_staff_notices(text, text, uuid, timestamptz, text[]) FROM PUBLIC;
