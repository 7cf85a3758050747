CREATE TABLE "audit_chain" (
	"tenant_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"audit_id" bigint NOT NULL,
	"chained_at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_chain_tenant_id_seq_pk" PRIMARY KEY("tenant_id","seq")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_row_idx" ON "audit_chain" USING btree ("tenant_id","audit_id");