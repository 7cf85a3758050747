CREATE TABLE "account_recovery_codes" (
	"tenant_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "account_recovery_codes_tenant_id_account_id_code_hash_pk" PRIMARY KEY("tenant_id","account_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "account_totp" (
	"tenant_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"secret_sealed" text NOT NULL,
	"enabled_at" timestamp with time zone,
	"last_step" bigint,
	"failed_codes" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "account_totp_tenant_id_account_id_pk" PRIMARY KEY("tenant_id","account_id")
);
