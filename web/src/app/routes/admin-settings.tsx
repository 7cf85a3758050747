import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { InquirySettingsSection } from '#web/features/inquiries/components/inquiry-settings-form.tsx'
import { useSettings } from '#web/features/settings/api/get-settings.ts'
import { SettingsForm } from '#web/features/settings/components/settings-form.tsx'
import { RequireAdmin } from '../require-role.tsx'

/** The page as the router shows it (the route, loaded on first visit: admin-settings.route.ts). */
export function GuardedSettingsPage() {
  return (
    <RequireAdmin>
      <SettingsPage />
    </RequireAdmin>
  )
}

function SettingsPage() {
  const settings = useSettings()
  return (
    <>
      <PageHeading title="設定" />
      {settings.isPending && <Loading what="設定" />}
      {settings.error && <QueryError error={settings.error} />}
      {settings.data && <SettingsForm initial={settings.data} />}
      <InquirySettingsSection />
    </>
  )
}
