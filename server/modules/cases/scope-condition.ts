import { and, eq, or, type SQL } from 'drizzle-orm'
import { cases } from '#server/db/schema/index.ts'
import type { CaseScope } from './cases.policy.ts'

/** The caller's scope as an SQL condition: lists and lookups never fetch outside it. */
export function scopeCondition(scope: CaseScope): SQL {
  switch (scope.kind) {
    case 'window':
      return eq(cases.intakeUnit, 'window')
    case 'ward':
      return or(eq(cases.intakeUnit, scope.ward), eq(cases.handedOverTo, scope.ward))!
    case 'lead':
      return eq(cases.leadAccountId, scope.accountId)
    case 'lead_unit':
      return and(eq(cases.lead, 'specialist'), eq(cases.leadUnitId, scope.unitId))!
  }
}
