-- The search at 100,000 cases (issue 9, under 100 ms p95): the folded case number and mail
-- address are stored like the folded names, so that ranking a search's candidates folds nothing
-- per row, and the GIN indexes take their keys from the stored columns. Their pending lists are
-- kept short (128 kB instead of 4 MB): every search reads the whole list, which after a bulk
-- write cost 30-60 ms a search, and PGlite never vacuums it away.
DROP INDEX "cases_search_idx";--> statement-breakpoint
DROP INDEX "case_people_search_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "case_no_fold" text GENERATED ALWAYS AS (search_fold(case_no)) STORED;--> statement-breakpoint
ALTER TABLE "case_people" ADD COLUMN "mail_fold" text GENERATED ALWAYS AS (search_fold(mail)) STORED;--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin (search_grams("name_fold", "kana_fold", "case_no_fold")) WITH (gin_pending_list_limit=128);--> statement-breakpoint
CREATE INDEX "case_people_search_idx" ON "case_people" USING gin (search_grams("name_fold", "kana_fold", "mail_fold")) WITH (gin_pending_list_limit=128);