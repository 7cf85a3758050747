-- Case history is read one case at a time, through case_events_case_idx; no query's plan turns
-- on its statistics. Its rows are wide (each event's changes), and ANALYZE copies every sampled
-- row whole: at the default target (100) it samples 30,000 rows, which took 37 MB of PGlite's
-- WebAssembly memory at five times the bench city (memory that PGlite never gives back), the
-- largest part of the growth that took a 20x import past 400 MB. At 10 it samples 3,000 rows.
-- (ANALYZE samples 300 rows per unit of the highest target among the columns it analyzes, so
-- every column gets the same target.)
ALTER TABLE "case_events" ALTER COLUMN "tenant_id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "case_id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "at" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "actor_id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "actor_name" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "action" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "changes" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "case_events" ALTER COLUMN "reason" SET STATISTICS 10;
