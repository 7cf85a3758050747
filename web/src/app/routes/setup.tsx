import { Link, useRouterState } from '@tanstack/react-router'
import { useState } from 'react'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading } from '#web/components/ui/query-state.tsx'
import { usePasswordLinkInfo } from '#web/features/auth/api/get-password-link.ts'
import { SetupForm } from '#web/features/auth/components/setup-form.tsx'
import { cityOfToken, tokenFromHash } from '#web/features/auth/link-token.ts'

export function SetupPage() {
  const token = tokenFromHash(useRouterState({ select: (s) => s.location.hash }))
  const info = usePasswordLinkInfo(token)
  const [done, setDone] = useState(false)
  const title = info.data?.purpose === 'first_admin' ? '最初の管理者の登録' : 'パスワードの設定'

  if (done) {
    return (
      <div className="max-w-2xl">
        <PageHeading title="設定が完了しました" />
        <Notice tone="success" live="status" title="パスワードを設定しました">
          設定したログインIDとパスワードでログインしてください。
        </Notice>
        <p className="mt-6">
          <Link to="/login" search={{ city: cityOfToken(token) }}>
            ログイン画面へ
          </Link>
        </p>
      </div>
    )
  }

  if (token.length < 10 || info.isError) {
    return (
      <div className="max-w-2xl">
        <PageHeading title="リンクが無効です" />
        <Notice tone="error" title="このリンクは使えません">
          リンクの有効期限が切れているか、すでに使われています。システム管理者に新しいリンクの発行を依頼してください。
        </Notice>
        <p className="mt-6">
          <Link to="/login" search={{ city: cityOfToken(token) }}>
            ログイン画面へ
          </Link>
        </p>
      </div>
    )
  }

  if (!info.data) return <Loading what="リンクの情報" />

  return (
    <div className="max-w-2xl">
      <PageHeading title={title} />
      {info.data.purpose === 'reset' && (
        <dl className="mb-6 text-std-16N-170">
          <dt className="text-std-16B-170">ログインID</dt>
          <dd className="mb-2">{info.data.loginId}</dd>
          <dt className="text-std-16B-170">氏名</dt>
          <dd>{info.data.name}</dd>
        </dl>
      )}
      <p className="mb-6 text-std-16N-170">このリンクは一度だけ使えます。</p>
      <SetupForm
        token={token}
        purpose={info.data.purpose}
        account={info.data}
        choosesOrganisation={info.data.choosesOrganisation}
        onDone={() => setDone(true)}
      />
    </div>
  )
}
