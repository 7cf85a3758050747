import { createRoute } from '@tanstack/react-router'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { appRoute } from './root.tsx'

// Scaffold: replaced by the feature's page.
export const meetingMinutesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/$meetingId/minutes',
  component: () => <PageHeading title="議事録" />,
})
