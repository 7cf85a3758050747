CREATE TABLE "meeting_attendees" (
	"tenant_id" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "meeting_attendees_tenant_id_meeting_id_unit_id_pk" PRIMARY KEY("tenant_id","meeting_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_no" text NOT NULL,
	"ward" text NOT NULL,
	"held_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"route" text,
	"lead" text NOT NULL,
	"lead_unit" text,
	"policy" text,
	"next_review_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "baselines" (
	"tenant_id" text NOT NULL,
	"label" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"metric" text NOT NULL,
	"value" integer,
	CONSTRAINT "baselines_tenant_id_label_metric_pk" PRIMARY KEY("tenant_id","label","metric")
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"resource_no" text NOT NULL,
	"name" text NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"serves" text[] DEFAULT '{}' NOT NULL,
	"ward" text,
	"subsidy_fiscal_years" integer[] DEFAULT '{}' NOT NULL,
	"contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resources_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"tenant_id" text NOT NULL,
	"survey_id" uuid NOT NULL,
	"respondent_no" text NOT NULL,
	"question_no" integer NOT NULL,
	"answer" text[] NOT NULL,
	CONSTRAINT "survey_answers_tenant_id_survey_id_respondent_no_question_no_pk" PRIMARY KEY("tenant_id","survey_id","respondent_no","question_no")
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"tenant_id" text NOT NULL,
	"survey_id" uuid NOT NULL,
	"question_no" integer NOT NULL,
	"question" text NOT NULL,
	"kind" text NOT NULL,
	"options" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "survey_questions_tenant_id_survey_id_question_no_pk" PRIMARY KEY("tenant_id","survey_id","question_no")
);
--> statement-breakpoint
CREATE TABLE "survey_respondents" (
	"tenant_id" text NOT NULL,
	"survey_id" uuid NOT NULL,
	"respondent_no" text NOT NULL,
	"answered_on" date,
	CONSTRAINT "survey_respondents_tenant_id_survey_id_respondent_no_pk" PRIMARY KEY("tenant_id","survey_id","respondent_no")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"survey_no" text NOT NULL,
	"title" text NOT NULL,
	"audience" text DEFAULT 'other' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_tenant_id_meeting_id_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_tenant_id_meeting_id_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_tenant_id_survey_id_respondent_no_survey_respondents_tenant_id_survey_id_respondent_no_fk" FOREIGN KEY ("tenant_id","survey_id","respondent_no") REFERENCES "public"."survey_respondents"("tenant_id","survey_id","respondent_no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_tenant_id_survey_id_surveys_tenant_id_id_fk" FOREIGN KEY ("tenant_id","survey_id") REFERENCES "public"."surveys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD CONSTRAINT "survey_respondents_tenant_id_survey_id_surveys_tenant_id_id_fk" FOREIGN KEY ("tenant_id","survey_id") REFERENCES "public"."surveys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_no_idx" ON "meetings" USING btree ("tenant_id","meeting_no");--> statement-breakpoint
CREATE INDEX "meetings_held_idx" ON "meetings" USING btree ("tenant_id","held_on","ward");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_meeting_case_idx" ON "reviews" USING btree ("tenant_id","meeting_id","case_id");--> statement-breakpoint
CREATE INDEX "reviews_case_idx" ON "reviews" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_no_idx" ON "resources" USING btree ("tenant_id","resource_no");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_no_idx" ON "surveys" USING btree ("tenant_id","survey_no");