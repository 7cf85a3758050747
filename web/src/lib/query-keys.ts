// Every query key of the web app, in one map: a key read in one place and invalidated in another
// must be the same array, and the prefixes (`cases`, `meetings`…) are what a change invalidates
// at once. Lists put their query last, so `list` alone invalidates every page and filter.

export const queryKeys = {
  session: ['session'] as const,
  twoFactor: ['two-factor'] as const,
  mail: {
    preferences: ['mail', 'preferences'] as const,
    // Under the inquiries prefix: whatever refreshes a thread after a change (a reply queues a
    // notice) refreshes its notices too.
    notices: (threadId: string) => ['inquiries', 'notices', threadId] as const,
  },
  passwordLink: (token: string) => ['password-link', token] as const,
  settings: ['settings'] as const,
  org: { all: ['org'] as const, history: ['org', 'history'] as const },
  wards: ['wards'] as const,
  staff: ['staff'] as const,
  units: ['units'] as const,
  audit: (query: unknown) => ['audit', query] as const,
  baselines: ['baselines'] as const,
  reports: { all: ['reports'] as const, of: (query: unknown) => ['reports', query] as const },
  accounts: {
    all: ['accounts'] as const,
    lists: ['accounts', 'list'] as const,
    list: (query: unknown) => ['accounts', 'list', query] as const,
    detail: (id: string) => ['accounts', 'detail', id] as const,
    twoFactor: (id: string) => ['accounts', id, 'two-factor'] as const,
  },
  cases: {
    all: ['cases'] as const,
    list: (query: unknown) => ['cases', 'list', query] as const,
    sharePicker: (q: string) => ['cases', 'list', 'share-picker', q] as const,
    detail: (id: string) => ['cases', 'detail', id] as const,
    history: (id: string) => ['cases', 'history', id] as const,
    reviews: (id: string) => ['cases', 'reviews', id] as const,
    similar: (query: unknown) => ['cases', 'similar', query] as const,
    worklist: ['cases', 'worklist'] as const,
    dueSteps: (whose: string) => ['cases', 'due-steps', whose] as const,
  },
  people: (caseId: string) => ['people', caseId] as const,
  contacts: (caseId: string) => ['contacts', caseId] as const,
  referrals: (caseId: string) => ['referrals', caseId] as const,
  inbox: { all: ['ward-inbox'] as const, list: (query: unknown) => ['ward-inbox', query] as const },
  support: {
    all: ['accompaniment'] as const,
    ofCase: (caseId: string) => ['accompaniment', caseId] as const,
    plan: (caseId: string) => ['accompaniment', caseId, 'plan'] as const,
    activities: (caseId: string) => ['accompaniment', caseId, 'activities'] as const,
    observedChanges: (caseId: string) => ['accompaniment', caseId, 'observed-changes'] as const,
    myCases: ['accompaniment', 'my-cases'] as const,
    allCaseloads: ['accompaniment', 'caseloads'] as const,
    caseloads: (ward: string | undefined) => ['accompaniment', 'caseloads', ward ?? ''] as const,
  },
  meetings: {
    all: ['meetings'] as const,
    lists: ['meetings', 'list'] as const,
    list: (query: unknown) => ['meetings', 'list', query] as const,
    detail: (id: string) => ['meetings', 'detail', id] as const,
    allInvitable: ['meetings', 'invitable'] as const,
    invitable: (id: string) => ['meetings', 'invitable', id] as const,
    candidates: (id: string) => ['meetings', 'candidates', id] as const,
  },
  network: {
    all: ['network-meetings'] as const,
    lists: ['network-meetings', 'list'] as const,
    list: (query: unknown) => ['network-meetings', 'list', query] as const,
    detail: (id: string) => ['network-meetings', 'detail', id] as const,
  },
  inquiries: {
    all: ['inquiries'] as const,
    list: (query: unknown) => ['inquiries', 'list', query] as const,
    counts: ['inquiries', 'counts'] as const,
    detail: (id: string) => ['inquiries', 'detail', id] as const,
    caseSearch: (q: string) => ['cases', 'list', 'inquiry-attach', q] as const,
  },
  inquiryTemplates: (includeInactive: boolean) => ['inquiry-templates', includeInactive] as const,
  inquiryTemplatesAll: ['inquiry-templates'] as const,
  inquirySettings: ['inquiry-settings'] as const,
  resources: {
    all: ['resources'] as const,
    list: (query: unknown) => ['resources', 'list', query] as const,
  },
}
