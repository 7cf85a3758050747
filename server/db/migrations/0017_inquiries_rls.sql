-- Row-level security on the web consultation's tables (0016), as 0013 does for every table that
-- holds a city's rows: the net under the explicit tenant filters.
ALTER TABLE "inquiry_threads" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "inquiry_threads" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "inquiry_threads_tenant" ON "inquiry_threads" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "inquiry_messages" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "inquiry_messages" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "inquiry_messages_tenant" ON "inquiry_messages" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "inquiry_templates" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "inquiry_templates" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "inquiry_templates_tenant" ON "inquiry_templates" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "mail_outbox" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "mail_outbox" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "mail_outbox_tenant" ON "mail_outbox" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "account_mail_preferences" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_mail_preferences" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "account_mail_preferences_tenant" ON "account_mail_preferences" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
