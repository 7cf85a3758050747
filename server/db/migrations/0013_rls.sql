-- Row-level security on every table that holds a city's rows (issue 10): the net under the
-- explicit tenant filters, which stay (they serve the indexes). The server names the city of
-- each connection it hands out in the setting yorisoi.tenant (server/db/tenant-scope.ts):
-- a request's city, '' before the city is known (no rows), or '*' for the operator's own work
-- outside requests (commands, start-up, migrations). Unset (NULL) matches nothing.
-- FORCE applies the policy to the tables' owner as well; only superusers and BYPASSRLS roles
-- pass it, and the start warns about those. The sub-selects make each setting an InitPlan,
-- read once per query instead of once per row.
-- sessions is left out: it is looked up by its random id before the city is known.
CREATE FUNCTION yorisoi_tenant() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE SET search_path = pg_catalog AS $$
  SELECT current_setting('yorisoi.tenant', true)
$$;
--> statement-breakpoint
ALTER TABLE "account_recovery_codes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_recovery_codes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "account_recovery_codes_tenant" ON "account_recovery_codes" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "account_tokens" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_tokens" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "account_tokens_tenant" ON "account_tokens" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "account_totp" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_totp" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "account_totp_tenant" ON "account_totp" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "accounts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "accounts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "accounts_tenant" ON "accounts" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "audit_chain" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_chain" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "audit_chain_tenant" ON "audit_chain" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "audit_log_tenant" ON "audit_log" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "baselines" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "baselines" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "baselines_tenant" ON "baselines" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "case_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "case_events_tenant" ON "case_events" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "case_people" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_people" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "case_people_tenant" ON "case_people" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "case_person_phones" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_person_phones" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "case_person_phones_tenant" ON "case_person_phones" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "case_study_shares" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "case_study_shares" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "case_study_shares_tenant" ON "case_study_shares" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "cases" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "cases" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "cases_tenant" ON "cases" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "contacts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "contacts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "contacts_tenant" ON "contacts" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "counters" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "counters" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "counters_tenant" ON "counters" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "meeting_acknowledgements" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "meeting_acknowledgements" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "meeting_acknowledgements_tenant" ON "meeting_acknowledgements" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "meeting_agenda" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "meeting_agenda" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "meeting_agenda_tenant" ON "meeting_agenda" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "meeting_attendees" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "meeting_attendees" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "meeting_attendees_tenant" ON "meeting_attendees" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "meetings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "meetings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "meetings_tenant" ON "meetings" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "network_meetings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "network_meetings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "network_meetings_tenant" ON "network_meetings" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "observed_changes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "observed_changes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "observed_changes_tenant" ON "observed_changes" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "org_units" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "org_units" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "org_units_tenant" ON "org_units" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "referrals" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "referrals" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "referrals_tenant" ON "referrals" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "resources" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "resources" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "resources_tenant" ON "resources" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "review_assignments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "review_assignments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "review_assignments_tenant" ON "review_assignments" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "reviews" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reviews" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "reviews_tenant" ON "reviews" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "settings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "settings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "settings_tenant" ON "settings" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "support_activities" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "support_activities" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "support_activities_tenant" ON "support_activities" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "support_plans" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "support_plans" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "support_plans_tenant" ON "support_plans" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "survey_answers" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "survey_answers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "survey_answers_tenant" ON "survey_answers" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "survey_questions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "survey_questions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "survey_questions_tenant" ON "survey_questions" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "survey_respondents" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "survey_respondents" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "survey_respondents_tenant" ON "survey_respondents" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "surveys" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "surveys" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "surveys_tenant" ON "surveys" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
--> statement-breakpoint
ALTER TABLE "wards" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "wards" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "wards_tenant" ON "wards" FOR ALL
  USING ("tenant_id" = (SELECT public.yorisoi_tenant()) OR (SELECT public.yorisoi_tenant()) = '*');
