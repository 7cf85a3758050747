-- The report reads a city's contacts in case and date order with their method and counterpart from
-- this index alone (an index-only scan, no sort): reports/contacts.sql.ts.
DROP INDEX "contacts_case_idx";--> statement-breakpoint
CREATE INDEX "contacts_case_idx" ON "contacts" USING btree ("tenant_id","case_id","contacted_on","method","counterpart");
