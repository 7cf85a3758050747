import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import type { InboxOrder, InboxState } from '#shared/contracts/handovers.ts'
import { appRoute } from './root.tsx'

export interface WardInboxSearch {
  state?: Exclude<InboxState, 'all'>
  /** Longest waiting first is the default and keeps the URL clean. */
  order?: Extract<InboxOrder, 'shortest'>
  page?: number
}

/** The filter and page live in the URL, so the view can be bookmarked and survives going back. */
function parseSearch(raw: Record<string, unknown>): WardInboxSearch {
  const out: WardInboxSearch = {}
  if (raw.state === 'assessing' || raw.state === 'ready') out.state = raw.state
  if (raw.order === 'shortest') out.order = 'shortest'
  const page = Number(raw.page)
  if (Number.isInteger(page) && page > 1) out.page = page
  return out
}

export const wardInboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ward/inbox',
  validateSearch: parseSearch,
  component: lazyRouteComponent(() => import('./ward-inbox.tsx'), 'GuardedWardInboxPage'),
})
