-- Row-level security on 表1's verification records (0027), as 0013 does for every table that
-- holds a city's rows: the net under the explicit tenant filters.
ALTER TABLE "report_verifications" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "report_verifications" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "report_verifications_tenant" ON "report_verifications" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
