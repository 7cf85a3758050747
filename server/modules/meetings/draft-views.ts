// How a stored 方針案 (the agenda row's jsonb) is read back and shown, with the names of the
// units and workers it names. Read by the meeting's detail; written by drafts.ts.
import { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import { CASE_LEADS, codesOf } from '#shared/codes.ts'
import type { DraftDecision } from '#shared/contracts/meetings.ts'
import * as repo from './meetings.repository.ts'

/** What the agenda row stores: ids only; names are read when the draft is shown. */
export const storedDraft = z.object({
  policy: z.string().nullable(),
  lead: z.enum(codesOf(CASE_LEADS)).nullable(),
  leadUnitId: z.string().nullable(),
  leadAccountId: z.string().nullable(),
  assignments: z.array(z.object({ unitId: z.string(), task: z.string() })),
  nextReviewOn: z.string().nullable(),
})
export type StoredDraft = z.infer<typeof storedDraft>

/** The agenda rows' drafts as shown, with the names of the units and workers they name. */
export async function draftViews(
  tx: Db,
  tenantId: string,
  rows: { caseId: string; draft: unknown; draftSavedAt: Date | null }[],
): Promise<Map<string, DraftDecision>> {
  const parsed = rows.flatMap((r) => {
    const d = r.draft && r.draftSavedAt ? storedDraft.safeParse(r.draft) : null
    return d?.success ? [{ caseId: r.caseId, draft: d.data, savedAt: r.draftSavedAt! }] : []
  })
  const unitIds = parsed.flatMap((p) => [p.draft.leadUnitId, ...p.draft.assignments.map((a) => a.unitId)])
  const units = new Map(
    (
      await orgRecords.unitsByIds(
        tx,
        tenantId,
        unitIds.filter((x): x is string => !!x),
      )
    ).map((u) => [u.id, u.name]),
  )
  const out = new Map<string, DraftDecision>()
  for (const { caseId, draft, savedAt } of parsed) {
    const account = draft.leadAccountId
      ? await repo.findAccount(tx, tenantId, draft.leadAccountId)
      : undefined
    out.set(caseId, {
      policy: draft.policy,
      lead: draft.lead,
      leadUnitId: draft.leadUnitId,
      leadUnitName: draft.leadUnitId ? (units.get(draft.leadUnitId) ?? null) : null,
      leadAccountId: draft.leadAccountId,
      leadAccountName: account?.name ?? null,
      assignments: draft.assignments.map((a) => ({
        unitId: a.unitId,
        unitName: units.get(a.unitId) ?? '',
        task: a.task,
      })),
      nextReviewOn: draft.nextReviewOn,
      savedAt: savedAt.toISOString(),
    })
  }
  return out
}
