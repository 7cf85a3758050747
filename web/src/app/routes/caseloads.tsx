import { createRoute } from '@tanstack/react-router'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { appRoute } from './root.tsx'

// Scaffold: replaced by the feature's page.
export const caseloadsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/caseloads',
  component: () => <PageHeading title="担当状況" />,
})
