import { createRoute } from '@tanstack/react-router'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { appRoute } from './root.tsx'

// Scaffold: replaced by the feature's page.
export const meetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings',
  component: () => <PageHeading title="支援調整会議" />,
})
