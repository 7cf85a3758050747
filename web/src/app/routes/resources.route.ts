import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import {
  RESOURCE_FILTER_KEYS,
  type ResourceFilterValues,
} from '#web/features/resources/components/resource-filters.tsx'
import { appRoute } from './root.tsx'

export interface ResourcesSearch extends ResourceFilterValues {
  page?: number
}

/** Filters live in the URL, so a search can be bookmarked, shared and survives going back. */
function parseSearch(raw: Record<string, unknown>): ResourcesSearch {
  const out: ResourcesSearch = {}
  for (const key of RESOURCE_FILTER_KEYS) {
    const value = raw[key]
    if (typeof value === 'string' && value.trim() !== '') out[key] = value
    // The router reads ?subsidised=true as a boolean.
    if (typeof value === 'boolean') out[key] = String(value)
  }
  const page = Number(raw.page)
  if (Number.isInteger(page) && page > 1) out.page = page
  return out
}

export const resourcesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/resources',
  validateSearch: parseSearch,
  component: lazyRouteComponent(() => import('./resources.tsx'), 'ResourcesPage'),
})
