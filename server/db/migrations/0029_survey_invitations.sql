CREATE TABLE "survey_invitation_batches" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"mail_count" integer NOT NULL,
	"letter_count" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_invitation_batches_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"delivery" text NOT NULL,
	"token_hash" text NOT NULL,
	"case_id" uuid,
	"used_at" timestamp with time zone,
	"respondent_no" text,
	CONSTRAINT "survey_invitations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "invitation_id" uuid;--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "link_to_case" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_invitation_batches" ADD CONSTRAINT "survey_invitation_batches_tenant_id_survey_id_surveys_tenant_id_id_fk" FOREIGN KEY ("tenant_id","survey_id") REFERENCES "public"."surveys"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_tenant_id_batch_id_survey_invitation_batches_tenant_id_id_fk" FOREIGN KEY ("tenant_id","batch_id") REFERENCES "public"."survey_invitation_batches"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_batches_key_idx" ON "survey_invitation_batches" USING btree ("tenant_id","survey_id","target_kind","period_from","period_to");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_idx" ON "survey_invitations" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE INDEX "survey_invitations_survey_idx" ON "survey_invitations" USING btree ("tenant_id","survey_id");