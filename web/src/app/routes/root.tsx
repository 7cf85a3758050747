import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext, createRoute, Link, Outlet, redirect } from '@tanstack/react-router'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { sessionQueryOptions } from '#web/lib/session.ts'
import { AppLayout, PublicLayout } from '../layout.tsx'

export interface RouterContext {
  queryClient: QueryClient
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: ErrorPage,
})

/** Pages anyone may open (login, one-time password links). */
export const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  component: PublicLayout,
})

/** Every page below needs a signed-in account; others go to the login page and come back. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      const session = await context.queryClient.ensureQueryData(sessionQueryOptions)
      if (session.account) return
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        const expired = error.code === 'session_expired'
        throw redirect({ to: '/login', search: { redirect: location.href, expired: expired || undefined } })
      }
      throw error
    }
    throw redirect({ to: '/login', search: { redirect: location.href } })
  },
  component: AppLayout,
})

function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <PageHeading title="ページが見つかりません" />
      <p className="text-std-16N-170">お探しのページは見つかりませんでした。アドレスを確認してください。</p>
      <p className="mt-4">
        <Link to="/">ホームへ戻る</Link>
      </p>
    </main>
  )
}

/** Last resort for a failure while rendering: no stack trace, just a way back. */
function ErrorPage() {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-10">
      <PageHeading title="エラーが発生しました" />
      <p className="text-std-16N-170">
        画面を表示できませんでした。画面を再読み込みしてください。繰り返し起きる場合はシステム管理者に連絡してください。
      </p>
      <p className="mt-4 flex flex-wrap gap-6">
        <a href={window.location.href}>再読み込み</a>
        <a href="/">ホームへ戻る</a>
      </p>
    </main>
  )
}
