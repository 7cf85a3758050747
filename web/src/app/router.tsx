import { createRouter } from '@tanstack/react-router'
import { setCsrfToken } from '#web/lib/api-client.ts'
import { sessionQueryOptions } from '#web/lib/session.ts'
import { queryClient, setAuthLostHandler } from './query-client.ts'
import { accountDetailRoute } from './routes/admin-account-detail.route.ts'
import { accountNewRoute } from './routes/admin-account-new.route.ts'
import { accountsRoute } from './routes/admin-accounts.route.ts'
import { auditRoute } from './routes/admin-audit.route.ts'
import { orgSettingsRoute } from './routes/admin-org.route.ts'
import { settingsRoute } from './routes/admin-settings.route.ts'
import { baselinesRoute } from './routes/baselines.route.ts'
import { caseDetailRoute } from './routes/case-detail.route.ts'
import { caseNewRoute } from './routes/case-new.route.ts'
import { caseloadsRoute } from './routes/caseloads.route.ts'
import { casesRoute } from './routes/cases.route.ts'
import { homeRoute } from './routes/home.route.ts'
import { importRoute } from './routes/import.route.ts'
import { inquiriesRoute } from './routes/inquiries.route.ts'
import { inquiryDetailRoute } from './routes/inquiry-detail.route.ts'
import { inquiryTemplatesRoute } from './routes/inquiry-templates.route.ts'
import { loginRoute } from './routes/login.route.ts'
import { meetingDetailRoute } from './routes/meeting-detail.route.ts'
import { meetingMinutesRoute } from './routes/meeting-minutes.route.ts'
import { meetingPapersRoute } from './routes/meeting-papers.route.ts'
import { meetingsRoute } from './routes/meetings.route.ts'
import { myCasesRoute } from './routes/my-cases.route.ts'
import { myMailRoute } from './routes/my-mail.route.ts'
import { myTwoFactorRoute } from './routes/my-two-factor.route.ts'
import { networkRoute } from './routes/network.route.ts'
import { networkDetailRoute } from './routes/network-detail.route.ts'
import { reportRoute } from './routes/report.route.ts'
import { resourcesRoute } from './routes/resources.route.ts'
import { appRoute, publicRoute, rootRoute } from './routes/root.tsx'
import { seminarDetailRoute } from './routes/seminar-detail.route.ts'
import { seminarsRoute } from './routes/seminars.route.ts'
import { setupRoute } from './routes/setup.route.ts'
import { surveyDetailRoute } from './routes/survey-detail.route.ts'
import { surveysRoute } from './routes/surveys.route.ts'
import { twoFactorSetupRoute } from './routes/two-factor-setup.route.ts'
import { wardInboxRoute } from './routes/ward-inbox.route.ts'
import { parseSearch, stringifySearch } from './search-params.ts'

// Each page's route (path, search parsing) lives in routes/<page>.route.ts and is part of the
// first script; the page itself (routes/<page>.tsx and what it imports) is fetched on first visit
// through lazyRouteComponent, so no page's code is in the first load of another.
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
    meetingPapersRoute,
    myCasesRoute,
    caseloadsRoute,
    resourcesRoute,
    surveysRoute,
    surveyDetailRoute,
    seminarsRoute,
    seminarDetailRoute,
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
