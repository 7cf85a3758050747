-- The report merges the cases whose current lead is よりそい支援員 with their state at the end (opened,
-- closed, the ward holding them) read from this index alone: reports/accompaniment.sql.ts.
CREATE INDEX "cases_end_state_idx" ON "cases" USING btree ("tenant_id","id","opened_on","closed_on","handed_over_to","intake_unit");--> statement-breakpoint
-- The window's cases of a period with every column their counts need, from this index alone instead of
-- their wide rows, in opening-date order: reports/consultations.sql.ts, volumes.sql.ts.
CREATE INDEX "cases_window_idx" ON "cases" USING btree ("tenant_id","intake_unit","opened_on","ward","age_band","first_consulter","route","handed_over_on","closed_on");
