import { and, asc, count, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { cases } from '#server/db/schema/index.ts'
import type { InboxOrder, InboxState } from '#shared/contracts/handovers.ts'

/**
 * The ward's inbox, read in SQL so that a page never fetches more than it shows: cases handed
 * over to the ward (status handed_over) and cases opened at the ward that are open, in both
 * cases before a meeting has named a lead. A ward case without a state (imported, or opened
 * before the ward kept one) is still waiting for its assessment.
 */
const wardState = sql<string>`coalesce(${cases.wardState}, 'assessing')`
const waitingFrom = sql`coalesce(${cases.handedOverOn}, ${cases.openedOn})`
const waitingSince = sql<string>`${waitingFrom}::text`

function inboxCondition(tenantId: string, ward: string): SQL {
  return and(
    eq(cases.tenantId, tenantId),
    or(
      and(eq(cases.handedOverTo, ward), eq(cases.status, 'handed_over')),
      and(eq(cases.intakeUnit, ward), eq(cases.status, 'open')),
    ),
    isNull(cases.lead),
  )!
}

export interface InboxRow {
  id: string
  caseNo: string
  name: string | null
  openedOn: string
  handedOverOn: string | null
  waitingSince: string
  wardRoute: string | null
  wardState: string
  urgency: string
  ageBand: string
  hasAssessment: boolean
}

export async function findInbox(
  db: Db,
  tenantId: string,
  ward: string,
  q: { state: InboxState; order: InboxOrder; page: number; pageSize: number },
  /** The last day a case may have started waiting on to count as waiting long. */
  longSince: string,
): Promise<{
  rows: InboxRow[]
  total: number
  counts: { assessing: number; ready: number; waitingLong: number }
}> {
  const base = inboxCondition(tenantId, ward)
  const where = q.state === 'all' ? base : and(base, sql`${wardState} = ${q.state}`)
  const rows = await db
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      name: cases.name,
      openedOn: cases.openedOn,
      handedOverOn: cases.handedOverOn,
      waitingSince,
      wardRoute: cases.wardRoute,
      wardState,
      urgency: cases.urgency,
      ageBand: cases.ageBand,
      hasAssessment: sql<boolean>`coalesce(btrim(${cases.wardAssessment}), '') <> ''`,
    })
    .from(cases)
    .where(where)
    .orderBy(
      ...(q.order === 'longest'
        ? [asc(waitingFrom), asc(cases.caseNo), asc(cases.id)]
        : [desc(waitingFrom), desc(cases.caseNo), desc(cases.id)]),
    )
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
  const perState = await db
    .select({
      state: wardState,
      n: count(),
      long: sql<number>`(count(*) filter (where ${waitingFrom} < ${longSince}::date))::int`,
    })
    .from(cases)
    .where(base)
    .groupBy(wardState)
  const counts = { assessing: 0, ready: 0, waitingLong: 0 }
  for (const s of perState) {
    if (s.state === 'assessing' || s.state === 'ready') counts[s.state] = s.n
    counts.waitingLong += s.long
  }
  const total = q.state === 'all' ? perState.reduce((sum, s) => sum + s.n, 0) : (counts[q.state] ?? 0)
  return { rows, total, counts }
}
