import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useMailPreferences } from '#web/features/mail/api/get-mail-preferences.ts'
import { MailPreferencesForm } from '#web/features/mail/components/mail-preferences-form.tsx'

/** A window counsellor's own mail notices (new web consultations, overdue ones). */
export function MyMailPage() {
  const preferences = useMailPreferences()
  return (
    <>
      <PageHeading title="メール通知" />
      {preferences.isPending && <Loading what="メール通知の設定" />}
      {preferences.error && <QueryError error={preferences.error} />}
      {preferences.data && <MailPreferencesForm initial={preferences.data} />}
    </>
  )
}
