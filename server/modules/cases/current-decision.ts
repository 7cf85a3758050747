// One rule, whoever writes the decision: a case's current decision (主担当, its unit and worker,
// 次回確認日) is that of its latest review of a held meeting, and 再協議 sends it back to the ward as
// ready for the next meeting. The meeting's decision in the app and the ledger's reviews sheet
// both apply it here, so either way the case gets the same values, a new version and the same
// history entry (「支援調整会議 <番号>」), and joins the lead worker's caseload and the next
// meeting's continuing candidates.
import type { Db } from '#server/db/client.ts'
import { type Change, changesBetween } from '#server/platform/changes.ts'
import { WARD_FIELDS } from './case-records.ts'
import { insertCaseEvents, writeLatestDecisions } from './decisions.repository.ts'

/** Who the history names: the person deciding or importing (no account for the command line). */
export interface DecisionAuthor {
  accountId: string | null
  name: string
}

const DECISION_FIELDS = WARD_FIELDS.filter((f) =>
  ['wardState', 'lead', 'leadUnitId', 'leadAccountId', 'nextReviewOn'].includes(f),
)

/**
 * Applies each case's latest held-meeting decision (of `caseIds`, or of every case of the city
 * after an import) and writes one history entry per case it changes; returns the changes by case.
 */
export async function applyLatestDecisions(
  tx: Db,
  tenantId: string,
  caseIds: readonly string[] | 'all',
  by: DecisionAuthor,
  at: Date,
): Promise<Map<string, Change[]>> {
  const decided = await writeLatestDecisions(tx, tenantId, caseIds, at)
  const changes = new Map(decided.map((d) => [d.caseId, changesBetween(d.before, d.after, DECISION_FIELDS)]))
  const events = decided.map((d) => ({
    tenantId,
    caseId: d.caseId,
    at,
    actorId: by.accountId,
    actorName: by.name,
    action: 'meeting_decision',
    changes: changes.get(d.caseId)!,
    reason: `支援調整会議 ${d.meetingNo}`,
  }))
  await insertCaseEvents(tx, events)
  return changes
}
