-- The recount of a city's window-contact tallies (0034) in parts: count_window_contacts adds what the
-- window cases with ids from first_case to last_case (inclusive) count, and the whole recount is
-- that over every id. Every tally is a sum over cases (a case's contacts are flagged among
-- themselves only), so the parts of a recount add up to the whole. The embedded store counts a
-- big city in parts, each its own short transaction, instead of holding its one connection for
-- the whole city (~20 s at 20 times the bench city): reports/tally-upkeep.ts.
CREATE FUNCTION count_window_contacts(tenant text, first_case uuid, last_case uuid) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  WITH flagged AS (
    SELECT ct.tenant_id, c.ward, date_trunc('month', ct.contacted_on)::date AS month,
      ct.method, ct.counterpart, date_trunc('month', c.opened_on)::date AS opened_month,
      date_trunc('month', lag(ct.contacted_on) OVER w)::date AS previous_month,
      row_number() OVER w = 2 AS second
    FROM contacts ct
    JOIN cases c ON c.tenant_id = ct.tenant_id AND c.id = ct.case_id
    -- The range on both sides: the planner carries equalities from one table to the other, not ranges.
    WHERE ct.tenant_id = tenant AND c.tenant_id = tenant AND c.intake_unit = 'window'
      AND c.id BETWEEN first_case AND last_case AND ct.case_id BETWEEN first_case AND last_case
    WINDOW w AS (PARTITION BY ct.case_id ORDER BY ct.contacted_on, ct.id)
  ), cells AS (
    INSERT INTO window_contact_cells AS t (tenant_id, ward, month, method, counterpart, first_in_month, contacts)
    SELECT f.tenant_id, f.ward, f.month, f.method, f.counterpart, f.previous_month IS DISTINCT FROM f.month, count(*)
      FROM flagged f GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT window_contact_cells_key DO UPDATE SET contacts = t.contacts + excluded.contacts
  ), openings AS (
    INSERT INTO window_contact_openings AS t (tenant_id, ward, month, opened_month, second, contacts)
    SELECT f.tenant_id, f.ward, f.month, f.opened_month, f.second, count(*)
      FROM flagged f GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT window_contact_openings_key DO UPDATE SET contacts = t.contacts + excluded.contacts
  )
  INSERT INTO window_contact_returns AS t (tenant_id, ward, month, previous_month, contacts)
  SELECT f.tenant_id, f.ward, f.month, f.previous_month, count(*)
    FROM flagged f WHERE f.previous_month IS DISTINCT FROM f.month
    GROUP BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT window_contact_returns_key DO UPDATE SET contacts = t.contacts + excluded.contacts;
END
$$;--> statement-breakpoint
-- The whole recount, as before, now counting through count_window_contacts over every id.
CREATE OR REPLACE FUNCTION recount_window_contacts(tenant text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM lock_window_contact_tallies(ARRAY[tenant], false);
  DELETE FROM window_contact_cells t WHERE t.tenant_id = tenant;
  DELETE FROM window_contact_openings t WHERE t.tenant_id = tenant;
  DELETE FROM window_contact_returns t WHERE t.tenant_id = tenant;
  PERFORM count_window_contacts(tenant, '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff');
END
$$;
