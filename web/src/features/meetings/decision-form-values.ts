import type { CaseLead } from '#shared/codes.ts'
import { isApiError } from '#web/lib/api-error.ts'
import { slashDate } from '#web/lib/date-text.ts'
import { textOrNull } from '#web/lib/form-errors.ts'
import type { Decision, DraftDecision } from './meeting-types.ts'

/** One row of 役割分担 on the form; `key` keeps a row's identity while rows come and go. */
export interface AssignmentRow {
  key: string
  unitId: string
  task: string
}

export interface DecisionValues {
  policy: string
  lead: string
  /** The section (ward_section) or organisation (specialist) that leads. */
  leadUnitId: string
  /** The よりそい支援員 who leads (accompaniment). */
  leadAccountId: string
  assignments: AssignmentRow[]
  nextReviewOn: string
}

export interface DecisionBody {
  policy: string | null
  lead: CaseLead
  leadUnitId?: string | null
  leadAccountId?: string | null
  assignments: { unitId: string; task: string }[]
  nextReviewOn: string | null
}

let rowCounter = 0
export function newAssignmentRow(unitId = '', task = ''): AssignmentRow {
  rowCounter += 1
  return { key: `r${rowCounter}`, unitId, task }
}

export function emptyDecisionValues(): DecisionValues {
  return { policy: '', lead: '', leadUnitId: '', leadAccountId: '', assignments: [], nextReviewOn: '' }
}

/** The form's values for a recorded decision (or a previous one to start from). */
export function valuesFromDecision(d: Decision | null): DecisionValues {
  if (!d) return emptyDecisionValues()
  return {
    policy: d.policy ?? '',
    lead: d.lead,
    leadUnitId: d.lead === 'ward_section' || d.lead === 'specialist' ? (d.leadUnitId ?? '') : '',
    leadAccountId: d.lead === 'accompaniment' ? (d.leadAccountId ?? '') : '',
    assignments: d.assignments.map((a) => newAssignmentRow(a.unitId, a.task)),
    nextReviewOn: d.nextReviewOn ? slashDate(d.nextReviewOn) : '',
  }
}

/** The form's values for a saved 方針案 (its lead may still be open). */
export function valuesFromDraft(d: DraftDecision): DecisionValues {
  return {
    policy: d.policy ?? '',
    lead: d.lead ?? '',
    leadUnitId: d.leadUnitId ?? '',
    leadAccountId: d.leadAccountId ?? '',
    assignments: d.assignments.map((a) => newAssignmentRow(a.unitId, a.task)),
    nextReviewOn: d.nextReviewOn ? slashDate(d.nextReviewOn) : '',
  }
}

/** Rows with neither an organisation nor a task are left out: an unused blank row is no error. */
function filledRows(v: DecisionValues): AssignmentRow[] {
  return v.assignments.filter((a) => a.unitId !== '' || a.task.trim() !== '')
}

/** What the server receives: only the lead field that fits the kind of lead. */
export function decisionBody(v: DecisionValues): DecisionBody {
  const lead = v.lead as CaseLead
  const body: DecisionBody = {
    policy: textOrNull(v.policy),
    lead,
    assignments: filledRows(v).map((a) => ({ unitId: a.unitId, task: a.task.trim() })),
    nextReviewOn: textOrNull(v.nextReviewOn),
  }
  if (lead === 'ward_section' || lead === 'specialist') body.leadUnitId = v.leadUnitId || null
  if (lead === 'accompaniment') body.leadAccountId = v.leadAccountId || null
  return body
}

/** What the server keeps as the 方針案: as the decision, but the lead may be left open. */
export function draftBody(v: DecisionValues): Omit<DecisionBody, 'lead'> & { lead: CaseLead | null } {
  return { ...decisionBody(v), lead: (v.lead || null) as CaseLead | null }
}

/** A draft may lack anything, but a role row that is begun needs both its parts. */
export function checkDraft(v: DecisionValues): DecisionErrors {
  const errors: DecisionErrors = {}
  for (const row of filledRows(v)) {
    if (!row.unitId) errors[`assignments.${row.key}.unitId`] = '担当する機関・課を選択してください'
    if (!row.task.trim()) errors[`assignments.${row.key}.task`] = '役割を入力してください'
  }
  return errors
}

/** Same decision on the form as when it was loaded (ignoring blank rows and row keys)? */
export function sameDecision(a: DecisionValues, b: DecisionValues): boolean {
  return JSON.stringify(decisionBody(a)) === JSON.stringify(decisionBody(b))
}

/** Field errors keyed by form field; a row's errors are keyed `assignments.<row key>.<field>`. */
export type DecisionErrors = Record<string, string>

/** Checks that need no round trip; the server validates everything again. */
export function checkDecision(v: DecisionValues): DecisionErrors {
  const errors: DecisionErrors = {}
  if (!v.lead) errors.lead = '主担当を選択してください'
  if (v.lead === 'ward_section' && !v.leadUnitId) errors.leadUnitId = '主担当の課・室を選択してください'
  if (v.lead === 'specialist' && !v.leadUnitId) errors.leadUnitId = '主担当の機関を選択してください'
  if (v.lead === 'accompaniment' && !v.leadAccountId)
    errors.leadAccountId = '主担当のよりそい支援員を選択してください'
  for (const row of filledRows(v)) {
    if (!row.unitId) errors[`assignments.${row.key}.unitId`] = '担当する機関・課を選択してください'
    if (!row.task.trim()) errors[`assignments.${row.key}.task`] = '役割を入力してください'
  }
  return errors
}

/**
 * A failed save as form errors. The server names rows by their index in the body, which skips
 * blank rows, so indices are mapped back to the form's row keys. Anything else is `general`.
 */
export function decisionErrorsFrom(
  error: unknown,
  v: DecisionValues,
): { fields: DecisionErrors; general?: string } {
  if (!isApiError(error)) return { fields: {}, general: '保存に失敗しました。もう一度お試しください。' }
  const rows = filledRows(v)
  const fields: DecisionErrors = {}
  const stray: string[] = []
  for (const e of error.problem.errors ?? []) {
    const [top, index, sub] = e.field.split('.')
    if (top === 'assignments' && index !== undefined && sub) {
      const row = rows[Number(index)]
      if (row) fields[`assignments.${row.key}.${sub}`] ??= e.message
      else stray.push(e.message)
    } else if (
      top &&
      ['policy', 'lead', 'leadUnitId', 'leadAccountId', 'assignments', 'nextReviewOn'].includes(top)
    ) {
      fields[top] ??= e.message
    } else stray.push(e.message)
  }
  const hasFields = Object.keys(fields).length > 0
  const general = stray.length
    ? stray.join(' ')
    : hasFields
      ? undefined
      : (error.problem.detail ?? error.problem.title)
  return general ? { fields, general } : { fields }
}
