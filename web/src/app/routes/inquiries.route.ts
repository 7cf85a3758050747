import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { INBOX_FILTERS, type InboxFilter } from '#shared/contracts/inquiries.ts'
import { appRoute } from './root.tsx'

export interface InquiriesSearch {
  filter?: Exclude<InboxFilter, 'open'>
  page?: number
}

/** The view and page live in the URL, so a view can be bookmarked and survives going back. */
function parseSearch(raw: Record<string, unknown>): InquiriesSearch {
  const out: InquiriesSearch = {}
  const filter = INBOX_FILTERS.find((f) => f === raw.filter)
  if (filter && filter !== 'open') out.filter = filter
  const page = Number(raw.page)
  if (Number.isInteger(page) && page > 1) out.page = page
  return out
}

export const inquiriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inquiries',
  validateSearch: parseSearch,
  component: lazyRouteComponent(() => import('./inquiries.tsx'), 'GuardedInquiriesPage'),
})
