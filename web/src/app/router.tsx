import { createRouter } from '@tanstack/react-router'
import { setCsrfToken } from '#web/lib/api-client.ts'
import { sessionQueryOptions } from '#web/lib/session.ts'
import { queryClient, setAuthLostHandler } from './query-client.ts'
import { accountDetailRoute } from './routes/admin-account-detail.tsx'
import { accountNewRoute } from './routes/admin-account-new.tsx'
import { accountsRoute } from './routes/admin-accounts.tsx'
import { auditRoute } from './routes/admin-audit.tsx'
import { orgSettingsRoute } from './routes/admin-org.tsx'
import { settingsRoute } from './routes/admin-settings.tsx'
import { baselinesRoute } from './routes/baselines.tsx'
import { caseDetailRoute } from './routes/case-detail.tsx'
import { caseNewRoute } from './routes/case-new.tsx'
import { caseloadsRoute } from './routes/caseloads.tsx'
import { casesRoute } from './routes/cases.tsx'
import { homeRoute } from './routes/home.tsx'
import { importRoute } from './routes/import.tsx'
import { inquiriesRoute } from './routes/inquiries.tsx'
import { inquiryDetailRoute } from './routes/inquiry-detail.tsx'
import { inquiryTemplatesRoute } from './routes/inquiry-templates.tsx'
import { loginRoute } from './routes/login.tsx'
import { meetingDetailRoute } from './routes/meeting-detail.tsx'
import { meetingMinutesRoute } from './routes/meeting-minutes.tsx'
import { meetingsRoute } from './routes/meetings.tsx'
import { myCasesRoute } from './routes/my-cases.tsx'
import { myMailRoute } from './routes/my-mail.tsx'
import { myTwoFactorRoute } from './routes/my-two-factor.tsx'
import { networkRoute } from './routes/network.tsx'
import { networkDetailRoute } from './routes/network-detail.tsx'
import { reportRoute } from './routes/report.tsx'
import { resourcesRoute } from './routes/resources.tsx'
import { appRoute, publicRoute, rootRoute } from './routes/root.tsx'
import { setupRoute } from './routes/setup.tsx'
import { surveyDetailRoute } from './routes/survey-detail.tsx'
import { surveysRoute } from './routes/surveys.tsx'
import { twoFactorSetupRoute } from './routes/two-factor-setup.tsx'
import { wardInboxRoute } from './routes/ward-inbox.tsx'
import { parseSearch, stringifySearch } from './search-params.ts'

const routeTree = rootRoute.addChildren([
  publicRoute.addChildren([loginRoute, setupRoute, twoFactorSetupRoute]),
  appRoute.addChildren([
    homeRoute,
    casesRoute,
    caseNewRoute,
    caseDetailRoute,
    accountsRoute,
    accountNewRoute,
    accountDetailRoute,
    auditRoute,
    settingsRoute,
    orgSettingsRoute,
    reportRoute,
    importRoute,
    baselinesRoute,
    wardInboxRoute,
    inquiriesRoute,
    inquiryTemplatesRoute,
    inquiryDetailRoute,
    meetingsRoute,
    meetingDetailRoute,
    meetingMinutesRoute,
    myCasesRoute,
    caseloadsRoute,
    resourcesRoute,
    surveysRoute,
    surveyDetailRoute,
    networkRoute,
    networkDetailRoute,
    myTwoFactorRoute,
    myMailRoute,
  ]),
])

export const router = createRouter({
  routeTree,
  parseSearch,
  stringifySearch,
  context: { queryClient },
  defaultPreload: false,
  scrollRestoration: true,
})

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router
  }
}

// A 401 from any call means the session is gone: drop cached personal data and go to the login
// page, coming back to the same page afterwards.
setAuthLostHandler((expired) => {
  const here = router.state.location
  if (['/login', '/setup', '/two-factor/setup'].includes(here.pathname)) return
  // The city of the session that ended, so that a second city's staff sign in to it again.
  const city = queryClient.getQueryData(sessionQueryOptions.queryKey)?.account?.cityId
  setCsrfToken(undefined)
  queryClient.clear()
  void router.navigate({ to: '/login', search: { redirect: here.href, expired: expired || undefined, city } })
})
