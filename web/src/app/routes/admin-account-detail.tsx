import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useAccount } from '#web/features/accounts/api/get-account.ts'
import { useUpdateAccount } from '#web/features/accounts/api/update-account.ts'
import { AccountForm } from '#web/features/accounts/components/account-form.tsx'
import { AccountSecurity } from '#web/features/accounts/components/account-security.tsx'
import { AccountTwoFactor } from '#web/features/accounts/components/account-two-factor.tsx'
import { useMe } from '#web/lib/session.ts'
import { RequireAdmin } from '../require-role.tsx'
import { accountDetailRoute } from './admin-account-detail.route.ts'

/** The page as the router shows it (the route, loaded on first visit: admin-account-detail.route.ts). */
export function GuardedAccountDetailPage() {
  return (
    <RequireAdmin>
      <AccountDetailPage />
    </RequireAdmin>
  )
}

function AccountDetailPage() {
  const { id } = accountDetailRoute.useParams()
  const account = useAccount(id)
  const update = useUpdateAccount(id)
  const [saved, setSaved] = useState(false)
  const me = useMe()

  if (account.isPending) return <Loading what="アカウント" />
  if (account.error) return <QueryError error={account.error} about="record" />
  const a = account.data

  return (
    <>
      <PageHeading title={`アカウント：${a.name}`} />
      <p className="mb-6">
        <Link to="/admin/accounts">アカウント一覧へ戻る</Link>
      </p>
      <div role="status" className="mb-6 empty:hidden">
        {saved && (
          <p className="rounded-8 border-l-8 border-success-2 bg-green-50 p-4 text-std-16B-170">
            保存しました。
          </p>
        )}
      </div>
      <section aria-labelledby="account-edit" className="mb-12">
        <h2 id="account-edit" className="mb-4 text-std-24B-150">
          登録内容
        </h2>
        <AccountForm
          key={a.updatedAt}
          account={a}
          submitLabel="保存する"
          pending={update.isPending}
          onSubmit={(values, onError) => {
            setSaved(false)
            update.mutate(
              { name: values.name, role: values.role, unitId: values.unitId, active: values.active },
              { onSuccess: () => setSaved(true), onError },
            )
          }}
        />
      </section>
      <section aria-labelledby="account-security">
        <h2 id="account-security" className="mb-4 text-std-24B-150">
          ログインとパスワード
        </h2>
        <AccountSecurity account={a} />
      </section>
      <section aria-labelledby="account-two-factor" className="mt-12">
        <h2 id="account-two-factor" className="mb-4 text-std-24B-150">
          2段階認証
        </h2>
        <AccountTwoFactor accountId={a.id} own={a.id === me.id} />
      </section>
    </>
  )
}
