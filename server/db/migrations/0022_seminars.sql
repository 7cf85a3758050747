CREATE TABLE "seminar_registrations" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seminar_id" uuid NOT NULL,
	"seq" bigserial NOT NULL,
	"name" text NOT NULL,
	"attendees" integer NOT NULL,
	"email" text,
	"phone" text,
	"needs_childcare" boolean DEFAULT false NOT NULL,
	"needs_sign_language" boolean DEFAULT false NOT NULL,
	"needs_note" text,
	"status" text NOT NULL,
	"cancel_token_hash" text NOT NULL,
	"attended" boolean,
	"case_id" uuid,
	"promoted_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seminar_registrations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "seminars" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"ward" text,
	"title" text NOT NULL,
	"theme" text,
	"held_on" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text,
	"place" text,
	"online" boolean DEFAULT false NOT NULL,
	"capacity" integer NOT NULL,
	"audience" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seminars_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "seminar_registrations" ADD CONSTRAINT "seminar_registrations_tenant_id_seminar_id_seminars_tenant_id_id_fk" FOREIGN KEY ("tenant_id","seminar_id") REFERENCES "public"."seminars"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seminar_registrations_seminar_idx" ON "seminar_registrations" USING btree ("tenant_id","seminar_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "seminar_registrations_token_idx" ON "seminar_registrations" USING btree ("cancel_token_hash");--> statement-breakpoint
CREATE INDEX "seminars_held_idx" ON "seminars" USING btree ("tenant_id","held_on");