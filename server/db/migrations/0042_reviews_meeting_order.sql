-- A case's current lead is that of its latest review at a held meeting (docs/report-rules.md):
-- latest by the meeting's date, then the review's creation, the meeting's start time and number.
-- The report found it by joining every review with its meeting and sorting them all (at 20 times
-- the bench city ~180 ms of work in each report on PostgreSQL, ~340 ms on PGlite). The
-- meeting's four columns are now copied onto its reviews, by the triggers below, so that
-- reviews_last_idx holds each case's reviews in that order: the first entry of a case is its lead.
ALTER TABLE "reviews" ADD COLUMN "meeting_held_on" date;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "meeting_status" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "meeting_start_time" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "meeting_no" text;--> statement-breakpoint
-- A review takes its meeting's columns whenever it is written (whatever the write put there):
-- a new review, a review moved to another meeting, a row put back by an import's undo.
-- FOR SHARE: a change to the meeting that is not yet committed is waited for (and one that
-- starts after waits for this write), else a review written meanwhile would keep the old
-- values, unseen by the change's own update of the meeting's reviews.
CREATE FUNCTION reviews_copy_meeting() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  SELECT m.held_on, m.status, m.start_time, m.meeting_no
    INTO NEW.meeting_held_on, NEW.meeting_status, NEW.meeting_start_time, NEW.meeting_no
    FROM meetings m WHERE m.tenant_id = NEW.tenant_id AND m.id = NEW.meeting_id FOR SHARE;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER reviews_copy_meeting BEFORE INSERT OR UPDATE ON "reviews"
  FOR EACH ROW EXECUTE FUNCTION reviews_copy_meeting();--> statement-breakpoint
-- A meeting rescheduled, held, renumbered or given a start time: its reviews follow.
CREATE FUNCTION meetings_copy_to_reviews() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  UPDATE reviews SET meeting_held_on = NEW.held_on, meeting_status = NEW.status,
      meeting_start_time = NEW.start_time, meeting_no = NEW.meeting_no
   WHERE tenant_id = NEW.tenant_id AND meeting_id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER meetings_copy_to_reviews AFTER UPDATE OF "held_on", "status", "start_time", "meeting_no" ON "meetings"
  FOR EACH ROW WHEN ((OLD.held_on, OLD.status, OLD.start_time, OLD.meeting_no)
    IS DISTINCT FROM (NEW.held_on, NEW.status, NEW.start_time, NEW.meeting_no))
  EXECUTE FUNCTION meetings_copy_to_reviews();--> statement-breakpoint
-- The reviews already stored (the update fires reviews_copy_meeting, which copies them).
UPDATE "reviews" SET "meeting_id" = "meeting_id";--> statement-breakpoint
CREATE INDEX "reviews_last_idx" ON "reviews" USING btree ("tenant_id","case_id","meeting_held_on" DESC NULLS LAST,"created_at" DESC NULLS LAST,"meeting_start_time" collate "C" desc nulls last,"meeting_no" collate "C" desc,"lead","meeting_status");--> statement-breakpoint
-- Its first two columns are reviews_case_idx's, which it replaces.
DROP INDEX "reviews_case_idx";
