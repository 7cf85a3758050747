import { Link, useRouter } from '@tanstack/react-router'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading } from '#web/components/ui/query-state.tsx'
import { Enrolment } from '#web/features/auth/components/enrolment.tsx'
import { useSession } from '#web/lib/session.ts'
import { safeRedirect } from '../login-search.ts'
import { twoFactorSetupRoute } from './two-factor-setup.route.ts'

/**
 * Where a login lands when the city requires 2FA of the account's role and none is set up: the
 * session may reach nothing but the enrolment until it is done.
 */
export function TwoFactorSetupPage() {
  const { redirect } = twoFactorSetupRoute.useSearch()
  const router = useRouter()
  const session = useSession()

  if (session.isPending) return <Loading what="ログインの状態" />
  // Signed in already (the enrolment just finished) or waiting for it: the enrolment stays on screen.
  const allowed = session.data?.secondFactor === 'enrol' || Boolean(session.data?.account)
  return (
    <div className="max-w-3xl">
      <PageHeading title="2段階認証の設定" />
      {allowed ? (
        <>
          <p className="mb-6 text-std-16N-170">
            あなたの役割では、パスワードに加えて認証アプリの確認コードでログインする必要があります（2段階認証）。設定が終わると、システムを使えるようになります。
          </p>
          <Enrolment onDone={() => router.history.push(safeRedirect(redirect))} />
        </>
      ) : (
        <>
          <Notice tone="warning" title="もう一度ログインしてください">
            時間が経過したため、設定を続けられません。
          </Notice>
          <p className="mt-6">
            <Link to="/login">ログイン画面へ</Link>
          </p>
        </>
      )}
    </div>
  )
}
