CREATE TABLE "window_contact_cells" (
	"tenant_id" text NOT NULL,
	"ward" text,
	"month" date NOT NULL,
	"method" text NOT NULL,
	"counterpart" text NOT NULL,
	"first_in_month" boolean NOT NULL,
	"contacts" integer NOT NULL,
	CONSTRAINT "window_contact_cells_key" UNIQUE NULLS NOT DISTINCT("tenant_id","ward","month","method","counterpart","first_in_month")
);
--> statement-breakpoint
CREATE TABLE "window_contact_openings" (
	"tenant_id" text NOT NULL,
	"ward" text,
	"month" date NOT NULL,
	"opened_month" date NOT NULL,
	"second" boolean NOT NULL,
	"contacts" integer NOT NULL,
	CONSTRAINT "window_contact_openings_key" UNIQUE NULLS NOT DISTINCT("tenant_id","ward","month","opened_month","second")
);
--> statement-breakpoint
CREATE TABLE "window_contact_returns" (
	"tenant_id" text NOT NULL,
	"ward" text,
	"month" date NOT NULL,
	"previous_month" date,
	"contacts" integer NOT NULL,
	CONSTRAINT "window_contact_returns_key" UNIQUE NULLS NOT DISTINCT("tenant_id","ward","month","previous_month")
);
--> statement-breakpoint
-- Issue 15: the report at a big city. The window's contacts counted by month (schema/
-- window-contact-tallies.ts) are kept by the statement triggers below, in the statement that
-- writes contacts or cases (an import pauses its city's and counts them once at its end: below).
-- Invariant: the tallies are the counts over
-- contacts joined with their (window) case; a trigger takes away what the statement's cases
-- counted before it and adds what they count after.
ALTER TABLE "window_contact_cells" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "window_contact_cells" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "window_contact_cells_tenant" ON "window_contact_cells" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');--> statement-breakpoint
ALTER TABLE "window_contact_openings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "window_contact_openings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "window_contact_openings_tenant" ON "window_contact_openings" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');--> statement-breakpoint
ALTER TABLE "window_contact_returns" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "window_contact_returns" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "window_contact_returns_tenant" ON "window_contact_returns" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');--> statement-breakpoint
-- Adds `sign` times the counts of these contacts on these cases (each case with all its
-- contacts: a contact's place among its case's decides its flags). Keys are written in order,
-- so that two transactions meet on the same tally rows in the same order.
CREATE FUNCTION tally_window_contacts(sign integer, contact_rows contacts[], case_rows cases[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  -- Nothing to count (a first import's new contacts had none before them): no statement at all.
  IF contact_rows IS NULL OR case_rows IS NULL THEN
    RETURN;
  END IF;
  WITH flagged AS (
    SELECT ct.tenant_id, c.ward, date_trunc('month', ct.contacted_on)::date AS month,
      ct.method, ct.counterpart, date_trunc('month', c.opened_on)::date AS opened_month,
      date_trunc('month', lag(ct.contacted_on) OVER w)::date AS previous_month,
      row_number() OVER w = 2 AS second
    FROM unnest(contact_rows) ct
    JOIN unnest(case_rows) c ON c.tenant_id = ct.tenant_id AND c.id = ct.case_id
    WHERE c.intake_unit = 'window'
    WINDOW w AS (PARTITION BY ct.tenant_id, ct.case_id ORDER BY ct.contacted_on, ct.id)
  ), cells AS (
    INSERT INTO window_contact_cells AS t (tenant_id, ward, month, method, counterpart, first_in_month, contacts)
    SELECT f.tenant_id, f.ward, f.month, f.method, f.counterpart, f.previous_month IS DISTINCT FROM f.month, sign * count(*)
      FROM flagged f GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT window_contact_cells_key DO UPDATE SET contacts = t.contacts + excluded.contacts
  ), openings AS (
    INSERT INTO window_contact_openings AS t (tenant_id, ward, month, opened_month, second, contacts)
    SELECT f.tenant_id, f.ward, f.month, f.opened_month, f.second, sign * count(*)
      FROM flagged f GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT window_contact_openings_key DO UPDATE SET contacts = t.contacts + excluded.contacts
  )
  INSERT INTO window_contact_returns AS t (tenant_id, ward, month, previous_month, contacts)
  SELECT f.tenant_id, f.ward, f.month, f.previous_month, sign * count(*)
    FROM flagged f WHERE f.previous_month IS DISTINCT FROM f.month
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT window_contact_returns_key DO UPDATE SET contacts = t.contacts + excluded.contacts;
END
$$;--> statement-breakpoint
-- The city an import is writing keeps its tallies as they were (`yorisoi.tallies_paused` names it,
-- set by server/modules/interchange/import-ledger.ts): counting a big ledger's statements one by
-- one grew with the city (a 3x ledger did not finish in 10 min on the embedded store). The
-- import counts that city's tallies again at its end (recount_window_contacts), and an undo log's
-- restore, which runs as a replica without these triggers, puts back rows the tallies never saw go.
CREATE FUNCTION paused_window_contact_tallies() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
  SELECT nullif(current_setting('yorisoi.tallies_paused', true), '')
$$;--> statement-breakpoint
-- A writer of a city's contacts holds its tallies shared; a recount holds them alone, so that it
-- counts no writer's rows twice or not at all (a second server process on the same database).
CREATE FUNCTION lock_window_contact_tallies(tenants text[], shared boolean) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF shared THEN
    PERFORM pg_advisory_xact_lock_shared(hashtext('window_contact_tallies'), hashtext(t))
      FROM unnest(tenants) t ORDER BY t;
  ELSE
    PERFORM pg_advisory_xact_lock(hashtext('window_contact_tallies'), hashtext(t))
      FROM unnest(tenants) t ORDER BY t;
  END IF;
END
$$;--> statement-breakpoint
-- A statement on contacts: its window cases' contacts before it (now, less the rows it wrote,
-- plus the rows as they were) and after it. The cases are locked first (FOR NO KEY UPDATE, which
-- a foreign key's check does not wait for); each query after it reads what a concurrent writer
-- of the same case committed meanwhile, so two writers of one case add up in turn. One function
-- for the three triggers (a trigger with transition tables has one event); each branch names
-- only its own trigger's tables.
CREATE FUNCTION window_contacts_after_contacts() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
  paused text := paused_window_contact_tallies();
  tenants text[];
  touched cases[];
  before_rows contacts[];
  after_rows contacts[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.tenant_id) INTO tenants FROM old_rows o WHERE o.tenant_id IS DISTINCT FROM paused;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.tenant_id) INTO tenants FROM new_rows n WHERE n.tenant_id IS DISTINCT FROM paused;
  ELSE
    SELECT array_agg(DISTINCT k.tenant_id) INTO tenants
      FROM (SELECT n.tenant_id FROM new_rows n UNION SELECT o.tenant_id FROM old_rows o) k
     WHERE k.tenant_id IS DISTINCT FROM paused;
  END IF;
  IF tenants IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM lock_window_contact_tallies(tenants, true);
  -- Each case looked up by its key (LATERAL), locked in key order: a transition table has no
  -- statistics, and a join with it was planned as a scan of every case (a 10,000-case import
  -- took ten times as long).
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(l.c) INTO touched
      FROM (SELECT DISTINCT o.tenant_id, o.case_id FROM old_rows o WHERE o.tenant_id = ANY (tenants) ORDER BY 1, 2) k
      CROSS JOIN LATERAL (SELECT c FROM cases c WHERE c.tenant_id = k.tenant_id AND c.id = k.case_id
                            AND c.intake_unit = 'window' FOR NO KEY UPDATE) l;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(l.c) INTO touched
      FROM (SELECT DISTINCT n.tenant_id, n.case_id FROM new_rows n WHERE n.tenant_id = ANY (tenants) ORDER BY 1, 2) k
      CROSS JOIN LATERAL (SELECT c FROM cases c WHERE c.tenant_id = k.tenant_id AND c.id = k.case_id
                            AND c.intake_unit = 'window' FOR NO KEY UPDATE) l;
  ELSE
    SELECT array_agg(l.c) INTO touched
      FROM (SELECT n.tenant_id, n.case_id FROM new_rows n WHERE n.tenant_id = ANY (tenants)
            UNION SELECT o.tenant_id, o.case_id FROM old_rows o WHERE o.tenant_id = ANY (tenants) ORDER BY 1, 2) k
      CROSS JOIN LATERAL (SELECT c FROM cases c WHERE c.tenant_id = k.tenant_id AND c.id = k.case_id
                            AND c.intake_unit = 'window' FOR NO KEY UPDATE) l;
  END IF;
  IF touched IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(x.ct) INTO after_rows FROM unnest(touched) c
    CROSS JOIN LATERAL (SELECT ct FROM contacts ct WHERE ct.tenant_id = c.tenant_id AND ct.case_id = c.id) x;
  IF TG_OP = 'DELETE' THEN
    SELECT array_cat(after_rows, array_agg(o::contacts)) INTO before_rows FROM old_rows o
     WHERE o.tenant_id = ANY (tenants);
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(x.ct) INTO before_rows FROM unnest(touched) c
      CROSS JOIN LATERAL (SELECT ct FROM contacts ct WHERE ct.tenant_id = c.tenant_id AND ct.case_id = c.id) x
     WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.tenant_id = (x.ct).tenant_id AND n.id = (x.ct).id);
  ELSE
    SELECT array_cat(array_agg(x.ct),
                     (SELECT array_agg(o::contacts) FROM old_rows o WHERE o.tenant_id = ANY (tenants))) INTO before_rows
      FROM unnest(touched) c
      CROSS JOIN LATERAL (SELECT ct FROM contacts ct WHERE ct.tenant_id = c.tenant_id AND ct.case_id = c.id) x
     WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.tenant_id = (x.ct).tenant_id AND n.id = (x.ct).id);
  END IF;
  PERFORM tally_window_contacts(-1, before_rows, touched);
  PERFORM tally_window_contacts(1, after_rows, touched);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A statement on cases: the contacts of the cases whose ward, opening date or intake changed
-- (or that came or went) are counted with the case as it was and as it is.
CREATE FUNCTION window_contacts_after_cases() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
  paused text := paused_window_contact_tallies();
  tenants text[];
  before_cases cases[];
  after_cases cases[];
  moved contacts[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n::cases) INTO after_cases FROM new_rows n
     WHERE n.intake_unit = 'window' AND n.tenant_id IS DISTINCT FROM paused;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o::cases) INTO before_cases FROM old_rows o
     WHERE o.intake_unit = 'window' AND o.tenant_id IS DISTINCT FROM paused;
  ELSE
    SELECT array_agg(o::cases), array_agg(n::cases) INTO before_cases, after_cases
      FROM old_rows o JOIN new_rows n ON n.tenant_id = o.tenant_id AND n.id = o.id
     WHERE (o.intake_unit = 'window' OR n.intake_unit = 'window') AND n.tenant_id IS DISTINCT FROM paused
       AND (o.ward, o.opened_on, o.intake_unit) IS DISTINCT FROM (n.ward, n.opened_on, n.intake_unit);
  END IF;
  IF before_cases IS NULL AND after_cases IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(DISTINCT c.tenant_id) INTO tenants FROM unnest(coalesce(before_cases, after_cases)) c;
  PERFORM lock_window_contact_tallies(tenants, true);
  SELECT array_agg(x.ct) INTO moved FROM unnest(coalesce(before_cases, after_cases)) c
    CROSS JOIN LATERAL (SELECT ct FROM contacts ct WHERE ct.tenant_id = c.tenant_id AND ct.case_id = c.id) x;
  IF moved IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM tally_window_contacts(-1, moved, before_cases);
  PERFORM tally_window_contacts(1, moved, after_cases);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A city's tallies counted again from its contacts, in one pass: after an import wrote the city
-- with its tallies paused (and when this migration first fills them).
CREATE FUNCTION recount_window_contacts(tenant text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM lock_window_contact_tallies(ARRAY[tenant], false);
  DELETE FROM window_contact_cells t WHERE t.tenant_id = tenant;
  DELETE FROM window_contact_openings t WHERE t.tenant_id = tenant;
  DELETE FROM window_contact_returns t WHERE t.tenant_id = tenant;
  WITH flagged AS (
    SELECT ct.tenant_id, c.ward, date_trunc('month', ct.contacted_on)::date AS month,
      ct.method, ct.counterpart, date_trunc('month', c.opened_on)::date AS opened_month,
      date_trunc('month', lag(ct.contacted_on) OVER w)::date AS previous_month,
      row_number() OVER w = 2 AS second
    FROM contacts ct
    JOIN cases c ON c.tenant_id = ct.tenant_id AND c.id = ct.case_id
    WHERE ct.tenant_id = tenant AND c.tenant_id = tenant AND c.intake_unit = 'window'
    WINDOW w AS (PARTITION BY ct.case_id ORDER BY ct.contacted_on, ct.id)
  ), cells AS (
    INSERT INTO window_contact_cells (tenant_id, ward, month, method, counterpart, first_in_month, contacts)
    SELECT f.tenant_id, f.ward, f.month, f.method, f.counterpart, f.previous_month IS DISTINCT FROM f.month, count(*)
      FROM flagged f GROUP BY 1, 2, 3, 4, 5, 6
  ), openings AS (
    INSERT INTO window_contact_openings (tenant_id, ward, month, opened_month, second, contacts)
    SELECT f.tenant_id, f.ward, f.month, f.opened_month, f.second, count(*)
      FROM flagged f GROUP BY 1, 2, 3, 4, 5
  )
  INSERT INTO window_contact_returns (tenant_id, ward, month, previous_month, contacts)
  SELECT f.tenant_id, f.ward, f.month, f.previous_month, count(*)
    FROM flagged f WHERE f.previous_month IS DISTINCT FROM f.month
    GROUP BY 1, 2, 3, 4;
END
$$;--> statement-breakpoint
CREATE TRIGGER window_contacts_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_contacts_after_contacts();--> statement-breakpoint
CREATE TRIGGER window_contacts_update AFTER UPDATE ON contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_contacts_after_contacts();--> statement-breakpoint
CREATE TRIGGER window_contacts_delete AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_contacts_after_contacts();--> statement-breakpoint
CREATE TRIGGER window_contacts_insert AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_contacts_after_cases();--> statement-breakpoint
CREATE TRIGGER window_contacts_update AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_contacts_after_cases();--> statement-breakpoint
CREATE TRIGGER window_contacts_delete AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_contacts_after_cases();--> statement-breakpoint
-- The contacts already stored, city by city.
SELECT recount_window_contacts(t.tenant_id) FROM (SELECT DISTINCT tenant_id FROM cases ORDER BY 1) t;
