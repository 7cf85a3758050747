-- Row-level security on the seminars' tables (0022), as 0013 does for every table that holds a
-- city's rows: the net under the explicit tenant filters.
ALTER TABLE "seminars" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "seminars" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "seminars_tenant" ON "seminars" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "seminar_registrations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "seminar_registrations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "seminar_registrations_tenant" ON "seminar_registrations" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
