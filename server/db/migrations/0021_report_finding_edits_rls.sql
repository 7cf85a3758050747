-- Row-level security on headquarters' edits of drafted findings (0020), as 0013 does for every
-- table that holds a city's rows: the net under the explicit tenant filters.
ALTER TABLE "report_finding_edits" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "report_finding_edits" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "report_finding_edits_tenant" ON "report_finding_edits" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
