import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerCaseRoutes } from './cases.routes.ts'
import { createCasesService } from './cases.service.ts'

// What other modules use (contacts, handovers, meetings): the case-side rules and records, so
// that they never read or write the cases tables themselves.
export { type CaseForChange, caseRecords, type WardValues } from './case-records.ts'
export { STALE_VERSION } from './case-rules.ts'
export { type CaseScope, isInScope, LEAD_CANNOT_CHANGE } from './cases.policy.ts'
// The same rule as SQL, for other modules' queries that join cases (agenda, caseloads).
export { type OpenCaseInput, openCase } from './create-case.ts'
// A case's current decision follows its latest held meeting (meetings' decision, the ledger's reviews).
export { applyLatestDecisions, type DecisionAuthor } from './current-decision.ts'
// The 8050 household flag as SQL (reports) and the kana fold of the anonymised summaries (network).
export { household8050 } from './household-8050.ts'
export { scopeCondition as caseScopeCondition } from './scope-condition.ts'
export { normaliseKana } from './similar-person.ts'

export function casesModule(app: FastifyInstance, deps: AppDeps) {
  registerCaseRoutes(app, createCasesService(deps))
}
export { caseScopeOf } from './cases.policy.ts'
