// One line per page view: opening a case writes 6–8 rows (the case, its history, contacts, people,
// support plan…) within a moment. The list (newest first) folds consecutive rows of one person
// about one case, close together in time, into one view whose rows open on demand.
import { auditActionLabel } from '#shared/audit-actions.ts'
import type { AuditEntry } from '#shared/contracts/audit.ts'

/** Rows of one view arrive within seconds; a later read of the same case is a new view. */
export const VIEW_GAP_MS = 60_000

export interface AuditView {
  key: string
  /** The newest row's time (the list's order). */
  at: string
  first: AuditEntry
  entries: AuditEntry[]
}

export function groupPageViews(entries: AuditEntry[]): AuditView[] {
  const views: AuditView[] = []
  for (const e of entries) {
    const last = views.at(-1)
    const previous = last?.entries.at(-1)
    const sameView =
      last !== undefined &&
      previous !== undefined &&
      e.caseId !== null &&
      previous.caseId === e.caseId &&
      previous.actorLogin === e.actorLogin &&
      Date.parse(previous.at) - Date.parse(e.at) <= VIEW_GAP_MS
    if (sameView) last.entries.push(e)
    else views.push({ key: String(e.id), at: e.at, first: e, entries: [e] })
  }
  return views
}

/** What the view was: the case read when the rows hold one, else the oldest row's action. */
export function viewLabel(view: AuditView): string {
  if (view.entries.length === 1) return auditActionLabel(view.first.action)
  const main = view.entries.find((e) => e.action === 'case.read') ?? view.entries.at(-1)!
  return `${auditActionLabel(main.action)}（記録${view.entries.length}件）`
}
