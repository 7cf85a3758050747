import { tokyoDate } from '#shared/dates.ts'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useOrgSettings } from '#web/features/org/api/org-settings.ts'
import { OrgSettingsView } from '#web/features/org/components/org-settings-view.tsx'
import { RequireAdmin } from '../require-role.tsx'

/** The page as the router shows it (the route, loaded on first visit: admin-org.route.ts). */
export function GuardedOrgSettingsPage() {
  return (
    <RequireAdmin>
      <OrgSettingsPage />
    </RequireAdmin>
  )
}

function OrgSettingsPage() {
  const org = useOrgSettings()
  return (
    <>
      <PageHeading title="組織設定" />
      <p className="mb-8 max-w-3xl text-std-16N-170">
        区・支所、保健福祉センターの課・室、相談窓口などを設定します。名称を変えても、これまでの記録は新しい名称で表示され、変更は履歴に残ります。記録のある区・支所や組織は削除できず、無効にできます。
      </p>
      {org.isPending && <Loading what="組織設定" />}
      {org.error && <QueryError error={org.error} />}
      {org.data && <OrgSettingsView org={org.data} today={tokyoDate(new Date())} />}
    </>
  )
}
