// The `reviews` sheet: one review per meeting and case (the ledger's key). The meeting and the
// case must be in this file or already stored.
import { randomUUID } from 'node:crypto'
import type { Db } from '#server/db/client.ts'
import { reviews } from '#server/db/schema/index.ts'
import { quote } from '#shared/interchange/quote.ts'
import { type BulkRow, bulkInsert, fromExcluded, typed } from './bulk-write.ts'
import { hasBadCell, type Issues, type ParsedLedger, rowsOf, same, str } from './import-model.ts'
import type { ReviewRow, Stored } from './load-stored.ts'
import type { CaseRef } from './plan-cases.ts'
import type { ImportContext, SheetPlan } from './write-support.ts'

const FIELDS = ['kind', 'route', 'lead', 'leadUnit', 'policy', 'nextReviewOn'] as const
const COLUMN_OF: [string, (typeof FIELDS)[number]][] = [
  ['kind', 'kind'],
  ['route', 'route'],
  ['lead', 'lead'],
  ['lead_unit', 'leadUnit'],
  ['policy', 'policy'],
  ['next_review_on', 'nextReviewOn'],
]

export function planReviews(
  ledger: ParsedLedger,
  stored: Stored,
  meetingRefs: Map<string, string>,
  caseRefs: Map<string, CaseRef>,
  issues: Issues,
  ctx: ImportContext,
): SheetPlan {
  const firstRow = new Map<string, number>()
  const upserts: BulkRow<typeof reviews>[] = []
  const counts = { added: 0, updated: 0 }
  for (const r of rowsOf(ledger, 'reviews')) {
    const e = (column: string, reason: string) => issues.error('reviews', r.row, column, reason)
    const meetingNo = str(r, 'meeting_id')
    const caseNo = str(r, 'case_id')
    const meetingId = meetingNo ? meetingRefs.get(meetingNo) : undefined
    const caseId = caseNo ? caseRefs.get(caseNo)?.id : undefined
    if (meetingNo && !meetingId) e('meeting_id', `会議番号${quote(meetingNo)}の会議がありません`)
    if (caseNo && !caseId) e('case_id', `ケース番号${quote(caseNo)}のケースがありません`)
    if (!meetingId || !caseId) continue
    const key = `${meetingId}|${caseId}`
    if (firstRow.has(key)) {
      e(
        'case_id',
        `この会議でケース番号${quote(caseNo)}の検討が重複しています（最初は${firstRow.get(key)}行目）`,
      )
      continue
    }
    firstRow.set(key, r.row)
    const existing = stored.reviews.get(key)
    const values = {} as Pick<ReviewRow, (typeof FIELDS)[number]>
    for (const [column, field] of COLUMN_OF)
      (values as Record<string, unknown>)[field] = column in r.v ? r.v[column] : (existing?.[field] ?? null)
    if (values.kind === 'new' && values.route === null) e('route', '新規のケースには新規ケース経路が必要です')
    if (hasBadCell(r)) continue
    if (existing && FIELDS.every((f) => same(existing[f], values[f]))) continue
    if (existing) counts.updated++
    else counts.added++
    upserts.push({ id: existing?.id ?? randomUUID(), meetingId, caseId, ...values })
  }
  return {
    counts,
    async write(tx: Db) {
      await bulkInsert(tx, reviews, upserts, {
        columns: ['id', 'meetingId', 'caseId', ...FIELDS],
        fixed: { tenantId: ctx.tenantId, createdAt: ctx.now, updatedAt: ctx.now },
        onConflict: {
          target: [reviews.tenantId, reviews.meetingId, reviews.caseId],
          set: { ...fromExcluded(reviews, FIELDS), updatedAt: typed(reviews, 'updatedAt', ctx.now) },
        },
      })
    },
  }
}
