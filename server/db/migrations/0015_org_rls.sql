-- Row-level security on the org module's tables (0014), as 0013 does for every table that holds
-- a city's rows: the net under the explicit tenant filters.
ALTER TABLE "ward_populations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "ward_populations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "ward_populations_tenant" ON "ward_populations" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "org_history" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "org_history" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "org_history_tenant" ON "org_history" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "confidentiality_texts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "confidentiality_texts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "confidentiality_texts_tenant" ON "confidentiality_texts" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
