import { type SQL, sql } from 'drizzle-orm'
import { casePeople, cases } from '#server/db/schema/index.ts'

/**
 * The 8050 situation (docs/ledger-format.md, `people`): the case's person is 40 or over and lives with
 * a parent (母・父, 同居) who is 70 or over or has care needs or services involved (介護・支援機関).
 * Derived in SQL from the case and its people, never stored, so that it cannot disagree with
 * what was recorded; lists, worklists and the report filter with this same expression.
 */
export const household8050: SQL<boolean> = sql<boolean>`(${cases.ageBand} = '40plus' and exists (
  select 1 from ${casePeople}
  where ${casePeople.tenantId} = ${cases.tenantId} and ${casePeople.caseId} = ${cases.id}
    and ${casePeople.relationship} in ('mother', 'father') and ${casePeople.livesWith} = true
    and (${casePeople.age} >= 70 or cardinality(${casePeople.care}) > 0)))`

/** The same rule for one case's values in memory (the case page, tests, the demo). */
export function is8050(
  ageBand: string,
  people: readonly {
    relationship: string
    livesWith: boolean | null
    age: number | null
    care: readonly string[]
  }[],
): boolean {
  if (ageBand !== '40plus') return false
  return people.some(
    (p) =>
      (p.relationship === 'mother' || p.relationship === 'father') &&
      p.livesWith === true &&
      ((p.age ?? 0) >= 70 || p.care.length > 0),
  )
}
