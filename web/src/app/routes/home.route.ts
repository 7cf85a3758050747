import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import type { DueWhose } from '#shared/contracts/due-steps.ts'
import { appRoute } from './root.tsx'

export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  // 自分の担当 is the default and keeps the URL clean; チーム is ?whose=team.
  validateSearch: (raw: Record<string, unknown>): { whose?: DueWhose } =>
    raw.whose === 'team' ? { whose: 'team' } : {},
  component: lazyRouteComponent(() => import('./home.tsx'), 'HomePage'),
})
