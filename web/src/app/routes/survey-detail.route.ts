import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appRoute } from './root.tsx'

export const surveyDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/$surveyId',
  component: lazyRouteComponent(() => import('./survey-detail.tsx'), 'GuardedSurveyDetailPage'),
})
