CREATE TABLE "report_verifications" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"held_from" date,
	"held_to" date,
	"target" text NOT NULL,
	"survey_id" uuid,
	"responses" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "report_verifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "seminars" ADD COLUMN "follow_up_survey_id" uuid;--> statement-breakpoint
CREATE INDEX "report_verifications_period_idx" ON "report_verifications" USING btree ("tenant_id","period_from","period_to","sort_order");