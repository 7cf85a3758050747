DROP INDEX "cases_opened_idx";--> statement-breakpoint
CREATE INDEX "cases_list_idx" ON "cases" USING btree ("tenant_id","opened_on" DESC NULLS LAST,"case_no","id");