CREATE TABLE "confidentiality_texts" (
	"tenant_id" text NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "confidentiality_texts_tenant_id_version_pk" PRIMARY KEY("tenant_id","version")
);
--> statement-breakpoint
CREATE TABLE "org_history" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"account_id" uuid,
	"subject" text NOT NULL,
	"subject_key" text NOT NULL,
	"field" text NOT NULL,
	"before" text,
	"after" text,
	CONSTRAINT "org_history_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "ward_populations" (
	"tenant_id" text NOT NULL,
	"ward_code" text NOT NULL,
	"fiscal_year" integer NOT NULL,
	"population" integer NOT NULL,
	CONSTRAINT "ward_populations_tenant_id_ward_code_fiscal_year_pk" PRIMARY KEY("tenant_id","ward_code","fiscal_year")
);
--> statement-breakpoint
ALTER TABLE "meeting_acknowledgements" ADD COLUMN "text_version" integer;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "wards" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "wards" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "org_history_at" ON "org_history" USING btree ("tenant_id","at");