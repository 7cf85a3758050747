import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { parseReportSearch } from '#web/features/reports/report-search.ts'
import { appRoute } from './root.tsx'

export const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/report',
  validateSearch: parseReportSearch,
  component: lazyRouteComponent(() => import('./report.tsx'), 'GuardedReportPage'),
})
