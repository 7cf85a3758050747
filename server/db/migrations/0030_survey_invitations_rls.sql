-- Row-level security on the survey target lists and one-time links (0029), as 0013 does for every
-- table that holds a city's rows: the net under the explicit tenant filters.
ALTER TABLE "survey_invitation_batches" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "survey_invitation_batches" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "survey_invitation_batches_tenant" ON "survey_invitation_batches" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "survey_invitations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "survey_invitations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "survey_invitations_tenant" ON "survey_invitations" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
