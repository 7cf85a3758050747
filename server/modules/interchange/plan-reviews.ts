// The `reviews` sheet: one review per meeting and case (the ledger's key). The meeting and the
// case must be in this file or already stored. Streamed (five reviews a meeting): checked and
// written a chunk of rows at a time.
import { randomUUID } from 'node:crypto'
import type { Db } from '#server/db/client.ts'
import { reviews } from '#server/db/schema/index.ts'
import { quote } from '#shared/interchange/quote.ts'
import { type BulkRow, bulkInsert, fromExcluded, typed } from './bulk-write.ts'
import type { CaseRefs } from './case-refs.ts'
import { type Counts, hasBadCell, type Issues, type SheetRow, same, str } from './import-model.ts'
import type { ReviewRow, Stored } from './load-stored.ts'
import { sectionFinder } from './plan-meetings.ts'
import type { ImportContext } from './write-support.ts'

const FIELDS = ['kind', 'route', 'lead', 'leadUnit', 'leadUnitId', 'policy', 'nextReviewOn'] as const
const COLUMN_OF: [string, Exclude<(typeof FIELDS)[number], 'leadUnitId'>][] = [
  ['kind', 'kind'],
  ['route', 'route'],
  ['lead', 'lead'],
  ['lead_unit', 'leadUnit'],
  ['policy', 'policy'],
  ['next_review_on', 'nextReviewOn'],
]

/** What the meetings sheet tells the reviews sheet: meeting ids, their wards, agencies by name. */
export interface MeetingRefs {
  refs: Map<string, string>
  wardOf: Map<string, string>
  agencies: Map<string, string>
}

/**
 * Checks and writes the reviews sheet a chunk of rows at a time (collect-sheets.ts streamRows),
 * through `out` while the ledger has no error so far (none: checks only, a dry run).
 */
export async function importReviews(
  chunks: AsyncIterable<SheetRow[]>,
  stored: Stored,
  meetings: MeetingRefs,
  caseRefs: CaseRefs,
  issues: Issues,
  ctx: ImportContext,
  out: Db | undefined,
): Promise<Counts> {
  const meetingRefs = meetings.refs
  const leadUnitOf = leadUnitFinder(stored, meetings)
  /** The first row of each meeting and case, by their numbers (shorter than their ids). */
  const firstRow = new Map<string, number>()
  const counts = { added: 0, updated: 0 }
  for await (const rows of chunks) {
    const upserts: BulkRow<typeof reviews>[] = []
    for (const r of rows) {
      const e = (column: string, reason: string) => issues.error('reviews', r.row, column, reason)
      const meetingNo = str(r, 'meeting_id')
      const caseNo = str(r, 'case_id')
      const meetingId = meetingNo ? meetingRefs.get(meetingNo) : undefined
      const caseId = caseNo ? caseRefs.get(caseNo)?.id : undefined
      if (meetingNo && !meetingId) e('meeting_id', `会議番号${quote(meetingNo)}の会議がありません`)
      if (caseNo && !caseId) e('case_id', `ケース番号${quote(caseNo)}のケースがありません`)
      if (!meetingId || !caseId) continue
      const numbers = `${meetingNo}|${caseNo}`
      const first = firstRow.get(numbers)
      if (first !== undefined) {
        e('case_id', `この会議でケース番号${quote(caseNo)}の検討が重複しています（最初は${first}行目）`)
        continue
      }
      firstRow.set(numbers, r.row)
      const existing = stored.reviews.get(`${meetingId}|${caseId}`)
      const values = {} as Pick<ReviewRow, (typeof FIELDS)[number]>
      for (const [column, field] of COLUMN_OF)
        (values as Record<string, unknown>)[field] = column in r.v ? r.v[column] : (existing?.[field] ?? null)
      if (values.kind === 'new' && values.route === null)
        e('route', '新規のケースには新規ケース経路が必要です')
      values.leadUnitId = leadUnitOf(meetingId, values.lead, values.leadUnit)
      if (values.leadUnit && !values.leadUnitId && values.lead !== 'rediscuss')
        issues.warn(
          'reviews',
          r.row,
          'lead_unit',
          `主担当機関${quote(values.leadUnit)}が組織設定にないため、文字のまま保存します（担当の集計には入りません）`,
        )
      if (hasBadCell(r)) continue
      if (existing && FIELDS.every((f) => same(existing[f], values[f]))) continue
      if (existing) counts.updated++
      else counts.added++
      upserts.push({ id: existing?.id ?? randomUUID(), meetingId, caseId, ...values })
    }
    if (out && issues.ok && upserts.length > 0)
      await bulkInsert(out, reviews, upserts, {
        columns: ['id', 'meetingId', 'caseId', ...FIELDS],
        fixed: { tenantId: ctx.tenantId, createdAt: ctx.now, updatedAt: ctx.now },
        onConflict: {
          target: [reviews.tenantId, reviews.meetingId, reviews.caseId],
          set: { ...fromExcluded(reviews, FIELDS), updatedAt: typed(reviews, 'updatedAt', ctx.now) },
        },
      })
  }
  return counts
}

/**
 * The unit a review's 主担当機関 names, by the rule the meeting's decision in the app follows: a
 * section of the meeting's ward (by label, code or name), an agency by name, or the accompaniment
 * team (by name, else the city's first active team). Null when the organisation has no such unit.
 */
function leadUnitFinder(stored: Stored, meetings: MeetingRefs) {
  const findSection = sectionFinder(stored.units)
  const teams = stored.units
    .filter((u) => u.kind === 'accompaniment_team')
    .sort((a, b) => Number(b.active) - Number(a.active) || a.sortOrder - b.sortOrder)
  return (meetingId: string, lead: string | null, text: string | null): string | null => {
    const name = text?.trim() ?? ''
    switch (lead) {
      case 'ward_section': {
        const ward = meetings.wardOf.get(meetingId)
        return (ward && name && findSection(ward, name)?.id) || null
      }
      case 'specialist':
        return meetings.agencies.get(name) ?? null
      case 'accompaniment':
        return (teams.find((t) => t.name === name) ?? teams[0])?.id ?? null
      default:
        return null
    }
  }
}
