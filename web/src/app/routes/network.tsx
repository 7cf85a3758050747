import { createRoute } from '@tanstack/react-router'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { appRoute } from './root.tsx'

// Scaffold: replaced by the feature's page.
export const networkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/network',
  component: () => <PageHeading title="全市の会議" />,
})
