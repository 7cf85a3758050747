// The meetings lists' periods (shared/contracts/common.ts PERIODS) as SQL, for every list of
// dated meetings: upcoming includes today (Tokyo), past is before it.
import { gte, lt, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Period } from '#shared/contracts/common.ts'

export function periodCondition(heldOn: AnyPgColumn, when: Period, today: string): SQL | undefined {
  if (when === 'upcoming') return gte(heldOn, today)
  if (when === 'past') return lt(heldOn, today)
  return undefined
}
