import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { reportFindingEdits } from '#server/db/schema/index.ts'

/** A report period as the edits are keyed: the whole city's report is ward ''. */
export interface FindingPeriod {
  from: string
  to: string
  ward: string | null
}

export type FindingEditRow = typeof reportFindingEdits.$inferSelect

const ofPeriod = (tenantId: string, p: FindingPeriod) =>
  and(
    eq(reportFindingEdits.tenantId, tenantId),
    eq(reportFindingEdits.periodFrom, p.from),
    eq(reportFindingEdits.periodTo, p.to),
    eq(reportFindingEdits.ward, p.ward ?? ''),
  )

/** Every edit of the period, oldest first (one indexed range; a period has a handful). */
export function editsOfPeriod(db: Db, tenantId: string, p: FindingPeriod): Promise<FindingEditRow[]> {
  return db
    .select()
    .from(reportFindingEdits)
    .where(ofPeriod(tenantId, p))
    .orderBy(asc(reportFindingEdits.findingId), asc(reportFindingEdits.seq))
}

export async function insertEdit(
  db: Db,
  row: Omit<typeof reportFindingEdits.$inferInsert, 'id' | 'seq'>,
): Promise<FindingEditRow> {
  const [inserted] = await db.insert(reportFindingEdits).values(row).returning()
  return inserted!
}

/** The latest text per finding: the rows come oldest first, so the last one written wins. */
export function currentTexts(rows: readonly FindingEditRow[]): Map<string, string> {
  return new Map(rows.map((r) => [r.findingId, r.after]))
}
