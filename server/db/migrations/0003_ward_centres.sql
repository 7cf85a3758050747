CREATE TABLE "observed_changes" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"observed_on" date NOT NULL,
	"note" text NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observed_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_activities" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"done_on" date NOT NULL,
	"kind" text NOT NULL,
	"minutes" integer,
	"note" text,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "support_plans" (
	"tenant_id" text NOT NULL,
	"case_id" uuid NOT NULL,
	"goals" text[] DEFAULT '{}' NOT NULL,
	"goal_note" text,
	"progress_summary" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "support_plans_tenant_id_case_id_pk" PRIMARY KEY("tenant_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_acknowledgements" (
	"tenant_id" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_acknowledgements_tenant_id_meeting_id_account_id_pk" PRIMARY KEY("tenant_id","meeting_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda" (
	"tenant_id" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"route" text,
	"position" integer NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_agenda_tenant_id_meeting_id_case_id_pk" PRIMARY KEY("tenant_id","meeting_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"tenant_id" text NOT NULL,
	"review_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"task" text NOT NULL,
	CONSTRAINT "review_assignments_tenant_id_review_id_position_pk" PRIMARY KEY("tenant_id","review_id","position")
);
--> statement-breakpoint
CREATE TABLE "case_study_shares" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"ward" text,
	"title" text NOT NULL,
	"age_band" text NOT NULL,
	"gender" text NOT NULL,
	"first_consulter" text NOT NULL,
	"concerns" text[] DEFAULT '{}' NOT NULL,
	"lead" text,
	"opened_fiscal_year" text,
	"summary" text NOT NULL,
	"question" text,
	"shared_by" uuid NOT NULL,
	"shared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_study_shares_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "network_meetings" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"start_time" text,
	"place" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"referred_on" date NOT NULL,
	"outcome" text DEFAULT 'arranging' NOT NULL,
	"outcome_on" date,
	"note" text,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "ward_route" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "ward_assessment" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "consent_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "consent_note" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "lead" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "lead_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "lead_account_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "next_review_on" date;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD COLUMN "attended" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "status" text DEFAULT 'held' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "start_time" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "chair" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "minutes_note" text;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "lead_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "reviews" ADD COLUMN "lead_account_id" uuid;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "observed_changes" ADD CONSTRAINT "observed_changes_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_activities" ADD CONSTRAINT "support_activities_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_acknowledgements" ADD CONSTRAINT "meeting_acknowledgements_tenant_id_meeting_id_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda" ADD CONSTRAINT "meeting_agenda_tenant_id_meeting_id_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda" ADD CONSTRAINT "meeting_agenda_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_tenant_id_review_id_reviews_tenant_id_id_fk" FOREIGN KEY ("tenant_id","review_id") REFERENCES "public"."reviews"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_shares" ADD CONSTRAINT "case_study_shares_tenant_id_meeting_id_network_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."network_meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_tenant_id_resource_id_resources_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resource_id") REFERENCES "public"."resources"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observed_changes_case_idx" ON "observed_changes" USING btree ("tenant_id","case_id","observed_on");--> statement-breakpoint
CREATE INDEX "support_activities_case_idx" ON "support_activities" USING btree ("tenant_id","case_id","done_on");--> statement-breakpoint
CREATE INDEX "meeting_agenda_case_idx" ON "meeting_agenda" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "case_study_shares_meeting_idx" ON "case_study_shares" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "network_meetings_held_idx" ON "network_meetings" USING btree ("tenant_id","held_on");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "referrals_resource_idx" ON "referrals" USING btree ("tenant_id","resource_id");--> statement-breakpoint
CREATE INDEX "cases_lead_account_idx" ON "cases" USING btree ("tenant_id","lead_account_id");--> statement-breakpoint
CREATE INDEX "cases_lead_unit_idx" ON "cases" USING btree ("tenant_id","lead_unit_id");--> statement-breakpoint
-- Cases handed over before this migration reached their ward from the window.
UPDATE "cases" SET "ward_route" = 'window' WHERE "handed_over_on" IS NOT NULL;
