ALTER TABLE "survey_answers" ADD COLUMN "other_text" text;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD COLUMN "required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD COLUMN "allow_other" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD COLUMN "source" text DEFAULT 'import' NOT NULL;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "introduction" text;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "period_from" date;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "period_to" date;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "target_count" integer;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "copied_from" uuid;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;