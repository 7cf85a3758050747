ALTER TABLE "cases" ADD COLUMN "name_fold" text GENERATED ALWAYS AS (search_fold(name)) STORED;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "kana_fold" text GENERATED ALWAYS AS (search_fold(kana)) STORED;--> statement-breakpoint
ALTER TABLE "case_people" ADD COLUMN "name_fold" text GENERATED ALWAYS AS (search_fold(name)) STORED;--> statement-breakpoint
ALTER TABLE "case_people" ADD COLUMN "kana_fold" text GENERATED ALWAYS AS (search_fold(kana)) STORED;--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin (search_grams("name_fold", "kana_fold", search_fold("case_no")));--> statement-breakpoint
CREATE INDEX "case_people_search_idx" ON "case_people" USING gin (search_grams("name_fold", "kana_fold", search_fold("mail")));--> statement-breakpoint
CREATE INDEX "case_person_phones_digits_prefix_idx" ON "case_person_phones" USING btree ("tenant_id","digits" text_pattern_ops);