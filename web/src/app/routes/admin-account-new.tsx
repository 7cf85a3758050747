import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import type { createAccount } from '#shared/contracts/accounts.ts'
import type { ResponseOf } from '#shared/contracts/define.ts'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { useCreateAccount } from '#web/features/accounts/api/create-account.ts'
import { AccountForm } from '#web/features/accounts/components/account-form.tsx'
import { PasswordLinkNotice } from '#web/features/accounts/components/password-link-notice.tsx'
import { RequireAdmin } from '../require-role.tsx'

/** The page as the router shows it (the route, loaded on first visit: admin-account-new.route.ts). */
export function GuardedAccountNewPage() {
  return (
    <RequireAdmin>
      <AccountNewPage />
    </RequireAdmin>
  )
}

function AccountNewPage() {
  const create = useCreateAccount()
  const [created, setCreated] = useState<ResponseOf<typeof createAccount> | null>(null)

  if (created) {
    return (
      <>
        <PageHeading title="アカウントを作成しました" />
        <p className="mb-6 text-std-16N-170">
          {`${created.account.name}（${created.account.loginId}）のアカウントを作成しました。`}
          本人が次のリンクからパスワードを設定すると、ログインできるようになります。
        </p>
        <PasswordLinkNotice link={created.passwordLink} />
        <ul className="mt-8 flex flex-col gap-2 text-std-16N-170">
          <li>
            <Link to="/admin/accounts/$id" params={{ id: created.account.id }}>
              作成したアカウントを表示
            </Link>
          </li>
          <li>
            <Link to="/admin/accounts">アカウント一覧へ戻る</Link>
          </li>
        </ul>
      </>
    )
  }

  return (
    <>
      <PageHeading title="アカウントを作成" />
      <AccountForm
        submitLabel="作成する"
        pending={create.isPending}
        onSubmit={(values, onError) =>
          create.mutate(
            {
              loginId: values.loginId,
              name: values.name,
              role: values.role,
              unitId: values.unitId,
              active: values.active,
            },
            { onSuccess: setCreated, onError },
          )
        }
      />
    </>
  )
}
