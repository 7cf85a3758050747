CREATE TABLE "case_people" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_no" integer NOT NULL,
	"relationship" text NOT NULL,
	"consulter" boolean DEFAULT true NOT NULL,
	"name" text,
	"kana" text,
	"age" integer,
	"lives_with" boolean,
	"mail" text,
	"address" text,
	"ward" text,
	"best_time" text,
	"may_name_city" boolean,
	"may_leave_message" boolean,
	"keep_from_person" boolean,
	"care" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "case_people_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_person_phones" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text,
	"number" text NOT NULL,
	"digits" text NOT NULL,
	CONSTRAINT "case_person_phones_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "next_step_due_on" date;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "next_step_due_time" text;--> statement-breakpoint
ALTER TABLE "case_people" ADD CONSTRAINT "case_people_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_person_phones" ADD CONSTRAINT "case_person_phones_tenant_id_person_id_case_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."case_people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_person_phones" ADD CONSTRAINT "case_person_phones_tenant_id_case_id_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_people_no_idx" ON "case_people" USING btree ("tenant_id","case_id","person_no");--> statement-breakpoint
CREATE INDEX "case_person_phones_person_idx" ON "case_person_phones" USING btree ("tenant_id","person_id","position");--> statement-breakpoint
CREATE INDEX "case_person_phones_digits_idx" ON "case_person_phones" USING btree ("tenant_id","digits");--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tenant_id_person_id_case_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."case_people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_due_idx" ON "contacts" USING btree ("tenant_id","next_step_due_on");