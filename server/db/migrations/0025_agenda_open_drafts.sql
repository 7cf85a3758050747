-- Issue 14: a case sits on at most one open agenda (a meeting not yet held), and the coordinator
-- keeps a draft proposal (方針案) on each agenda row before the meeting decides.
ALTER TABLE "meeting_agenda" ADD COLUMN "open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_agenda" ADD COLUMN "draft" jsonb;--> statement-breakpoint
ALTER TABLE "meeting_agenda" ADD COLUMN "draft_saved_at" timestamp with time zone;--> statement-breakpoint
-- Rows of held meetings are history, not open agendas.
UPDATE "meeting_agenda" g SET "open" = false
  FROM "meetings" m
 WHERE m."tenant_id" = g."tenant_id" AND m."id" = g."meeting_id" AND m."status" = 'held';--> statement-breakpoint
-- A case already on several meetings still to be held (possible before this rule) stays on the
-- earliest of them; the later copies carry no decision (a decision holds its meeting), so they go.
DELETE FROM "meeting_agenda" g
 USING "meetings" m
 WHERE m."tenant_id" = g."tenant_id" AND m."id" = g."meeting_id" AND g."open"
   AND EXISTS (
     SELECT 1 FROM "meeting_agenda" e
       JOIN "meetings" em ON em."tenant_id" = e."tenant_id" AND em."id" = e."meeting_id"
      WHERE e."tenant_id" = g."tenant_id" AND e."case_id" = g."case_id" AND e."open"
        AND (em."held_on", em."created_at", em."id") < (m."held_on", m."created_at", m."id")
   );--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_one_open_idx" ON "meeting_agenda" USING btree ("tenant_id","case_id") WHERE "meeting_agenda"."open";--> statement-breakpoint
-- A new agenda row is open unless its meeting is held (the demo seed writes held meetings' agendas).
CREATE FUNCTION meeting_agenda_open_on_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  NEW.open := NOT EXISTS (
    SELECT 1 FROM meetings m
     WHERE m.tenant_id = NEW.tenant_id AND m.id = NEW.meeting_id AND m.status = 'held');
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER meeting_agenda_open_on_insert BEFORE INSERT ON "meeting_agenda"
  FOR EACH ROW EXECUTE FUNCTION meeting_agenda_open_on_insert();--> statement-breakpoint
-- Holding a meeting closes its agenda: its cases may go on the next meeting's agenda.
CREATE FUNCTION meetings_status_closes_agenda() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  UPDATE meeting_agenda SET open = (NEW.status <> 'held')
   WHERE tenant_id = NEW.tenant_id AND meeting_id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER meetings_status_closes_agenda AFTER UPDATE OF "status" ON "meetings"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION meetings_status_closes_agenda();
