import { and, eq, or, type Placeholder, type SQL, sql } from 'drizzle-orm'
import { cases } from '#server/db/schema/index.ts'
import type { CaseScope } from './cases.policy.ts'

/** The caller's scope as an SQL condition: lists and lookups never fetch outside it. */
export function scopeCondition(scope: CaseScope): SQL {
  return conditionOf(scope.kind, scopeValueOf(scope) ?? '')
}

/** The value a scope of this kind is narrowed by (a ward, an account, a unit); none for the window. */
export function scopeValueOf(scope: CaseScope): string | undefined {
  return scope.kind === 'ward'
    ? scope.ward
    : scope.kind === 'lead'
      ? scope.accountId
      : scope.kind === 'lead_unit'
        ? scope.unitId
        : undefined
}

/** A scope kind's condition with its value as the placeholder `scope`, for prepared statements. */
export function scopeConditionTemplate(kind: CaseScope['kind']): SQL {
  return conditionOf(kind, sql.placeholder('scope'))
}

/** `value` narrows the ward, lead and lead-unit kinds; the window's condition has none. */
function conditionOf(kind: CaseScope['kind'], value: string | Placeholder): SQL {
  switch (kind) {
    case 'window':
      // In the text, not a bound value: the planner then knows how many cases the window holds
      // (most of a city's), and a named statement's plan made once for all cities (prepared.ts,
      // runNamed) costs what one made for each call does, so it is kept.
      return sql`${cases.intakeUnit} = 'window'`
    case 'ward':
      return or(eq(cases.intakeUnit, value), eq(cases.handedOverTo, value))!
    case 'lead':
      return eq(cases.leadAccountId, value)
    case 'lead_unit':
      return and(eq(cases.lead, 'specialist'), eq(cases.leadUnitId, value))!
  }
}
