/** Query keys of the lead worker's records; a change invalidates the case's own keys too. */
export const supportKeys = {
  all: ['accompaniment'] as const,
  plan: (caseId: string) => ['accompaniment', caseId, 'plan'] as const,
  activities: (caseId: string) => ['accompaniment', caseId, 'activities'] as const,
  observedChanges: (caseId: string) => ['accompaniment', caseId, 'observed-changes'] as const,
  myCases: ['accompaniment', 'my-cases'] as const,
  caseloads: (ward: string | undefined) => ['accompaniment', 'caseloads', ward ?? ''] as const,
}
