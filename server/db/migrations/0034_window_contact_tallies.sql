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
-- writes contacts or cases, on every path (the app, imports, an undo log's restore: the
-- triggers fire ALWAYS, also as a replica). Invariant: the tallies are the counts over
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
-- A statement on contacts: its window cases' contacts before it (now, less the rows it wrote,
-- plus the rows as they were) and after it. The cases are locked first (FOR NO KEY UPDATE, which
-- a foreign key's check does not wait for); each query after it reads what a concurrent writer
-- of the same case committed meanwhile, so two writers of one case add up in turn. One function
-- for the three triggers (a trigger with transition tables has one event); each branch names
-- only its own trigger's tables.
CREATE FUNCTION window_contacts_after_contacts() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
  touched cases[];
  before_rows contacts[];
  after_rows contacts[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(l.c) INTO touched FROM (
      SELECT c FROM cases c WHERE c.intake_unit = 'window'
         AND (c.tenant_id, c.id) IN (SELECT o.tenant_id, o.case_id FROM old_rows o)
       ORDER BY c.tenant_id, c.id FOR NO KEY UPDATE) l;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(l.c) INTO touched FROM (
      SELECT c FROM cases c WHERE c.intake_unit = 'window'
         AND (c.tenant_id, c.id) IN (SELECT n.tenant_id, n.case_id FROM new_rows n)
       ORDER BY c.tenant_id, c.id FOR NO KEY UPDATE) l;
  ELSE
    SELECT array_agg(l.c) INTO touched FROM (
      SELECT c FROM cases c WHERE c.intake_unit = 'window'
         AND (c.tenant_id, c.id) IN (SELECT n.tenant_id, n.case_id FROM new_rows n
                                     UNION SELECT o.tenant_id, o.case_id FROM old_rows o)
       ORDER BY c.tenant_id, c.id FOR NO KEY UPDATE) l;
  END IF;
  IF touched IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(ct) INTO after_rows
    FROM contacts ct JOIN unnest(touched) c ON c.tenant_id = ct.tenant_id AND c.id = ct.case_id;
  IF TG_OP = 'DELETE' THEN
    SELECT array_cat(after_rows, array_agg(o::contacts)) INTO before_rows FROM old_rows o;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(ct) INTO before_rows
      FROM contacts ct JOIN unnest(touched) c ON c.tenant_id = ct.tenant_id AND c.id = ct.case_id
     WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.tenant_id = ct.tenant_id AND n.id = ct.id);
  ELSE
    SELECT array_cat(array_agg(ct), (SELECT array_agg(o::contacts) FROM old_rows o)) INTO before_rows
      FROM contacts ct JOIN unnest(touched) c ON c.tenant_id = ct.tenant_id AND c.id = ct.case_id
     WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.tenant_id = ct.tenant_id AND n.id = ct.id);
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
  before_cases cases[];
  after_cases cases[];
  moved contacts[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n::cases) INTO after_cases FROM new_rows n WHERE n.intake_unit = 'window';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(o::cases) INTO before_cases FROM old_rows o WHERE o.intake_unit = 'window';
  ELSE
    SELECT array_agg(o::cases), array_agg(n::cases) INTO before_cases, after_cases
      FROM old_rows o JOIN new_rows n ON n.tenant_id = o.tenant_id AND n.id = o.id
     WHERE (o.intake_unit = 'window' OR n.intake_unit = 'window')
       AND (o.ward, o.opened_on, o.intake_unit) IS DISTINCT FROM (n.ward, n.opened_on, n.intake_unit);
  END IF;
  IF before_cases IS NULL AND after_cases IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(ct) INTO moved FROM contacts ct
   WHERE (ct.tenant_id, ct.case_id) IN (SELECT c.tenant_id, c.id FROM unnest(coalesce(before_cases, after_cases)) c);
  IF moved IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM tally_window_contacts(-1, moved, before_cases);
  PERFORM tally_window_contacts(1, moved, after_cases);
  RETURN NULL;
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
-- Also while an undo log is restored (server/db/undo-log.ts runs as a replica, without triggers).
ALTER TABLE contacts ENABLE ALWAYS TRIGGER window_contacts_insert;--> statement-breakpoint
ALTER TABLE contacts ENABLE ALWAYS TRIGGER window_contacts_update;--> statement-breakpoint
ALTER TABLE contacts ENABLE ALWAYS TRIGGER window_contacts_delete;--> statement-breakpoint
ALTER TABLE cases ENABLE ALWAYS TRIGGER window_contacts_insert;--> statement-breakpoint
ALTER TABLE cases ENABLE ALWAYS TRIGGER window_contacts_update;--> statement-breakpoint
ALTER TABLE cases ENABLE ALWAYS TRIGGER window_contacts_delete;--> statement-breakpoint
-- The contacts already stored, case by case in batches (a city's million contacts at once would
-- be one array of them all).
DO $$
DECLARE
  batch record;
BEGIN
  FOR batch IN
    SELECT array_agg(c) AS cases_of FROM (
      SELECT c, (row_number() OVER (ORDER BY c.tenant_id, c.id) - 1) / 5000 AS n
        FROM cases c WHERE c.intake_unit = 'window') b
    GROUP BY b.n
  LOOP
    PERFORM tally_window_contacts(1,
      (SELECT array_agg(ct) FROM contacts ct
        WHERE (ct.tenant_id, ct.case_id) IN (SELECT c.tenant_id, c.id FROM unnest(batch.cases_of) c)),
      batch.cases_of);
  END LOOP;
END
$$;
