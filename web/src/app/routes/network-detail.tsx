import { createRoute } from '@tanstack/react-router'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { appRoute } from './root.tsx'

// Scaffold: replaced by the feature's page.
export const networkDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/network/$meetingId',
  component: () => <PageHeading title="全市の会議" />,
})
