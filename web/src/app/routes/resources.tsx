import { createRoute } from '@tanstack/react-router'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { appRoute } from './root.tsx'

// Scaffold: replaced by the feature's page.
export const resourcesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/resources',
  component: () => <PageHeading title="社会資源" />,
})
