import type { QueryClient } from '@tanstack/react-query'
import { createRootRouteWithContext, createRoute, Link, Outlet, redirect } from '@tanstack/react-router'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { isApiError } from '../../lib/api-error.ts'
import { sessionQueryOptions } from '../../lib/session.ts'
import { AppLayout, PublicLayout } from '../layout.tsx'

export interface RouterContext {
  queryClient: QueryClient
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
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
