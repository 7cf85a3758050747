import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useTwoFactorStatus } from '#web/features/auth/api/two-factor-status.ts'
import { TwoFactorSettings } from '#web/features/auth/components/two-factor-settings.tsx'

/** Every staff member's own 2FA: enrol, see how many recovery codes are left, turn it off. */
export function MyTwoFactorPage() {
  const status = useTwoFactorStatus()
  return (
    <>
      <PageHeading title="2段階認証" />
      {status.isPending && <Loading what="2段階認証の状態" />}
      {status.error && <QueryError error={status.error} />}
      {status.data && <TwoFactorSettings status={status.data} />}
    </>
  )
}
