-- The report merges the window's cases, in id order with their ward and opening date, with the
-- contacts (in case order) from this index alone, without sorting them: reports/contacts.sql.ts.
CREATE INDEX "cases_report_idx" ON "cases" USING btree ("tenant_id","intake_unit","id","ward","opened_on");