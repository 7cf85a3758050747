import { createRoute } from '@tanstack/react-router'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { appRoute } from './root.tsx'

// Scaffold: replaced by the feature's page.
export const wardInboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/ward/inbox',
  component: () => <PageHeading title="引継ぎ・受付" />,
})
