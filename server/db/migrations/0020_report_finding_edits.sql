CREATE TABLE "report_finding_edits" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"ward" text DEFAULT '' NOT NULL,
	"finding_id" text NOT NULL,
	"before" text NOT NULL,
	"after" text NOT NULL,
	"edited_by" uuid NOT NULL,
	"edited_by_name" text NOT NULL,
	"edited_at" timestamp with time zone NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "report_finding_edits_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "report_finding_edits_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "report_finding_edits_period_idx" ON "report_finding_edits" USING btree ("tenant_id","period_from","period_to","ward","finding_id","seq");