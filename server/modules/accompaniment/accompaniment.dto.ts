import type { Activity, ObservedChange, SupportPlan } from '#shared/contracts/accompaniment.ts'
import type { CaseEvent } from '#shared/contracts/cases.ts'
import type { ActivityView, ObservedChangeView, PlanRow } from './accompaniment.repository.ts'

export function toSupportPlan(
  caseId: string,
  lead: string | null,
  canWrite: boolean,
  found: { plan: PlanRow; updatedByName: string | null } | undefined,
): SupportPlan {
  const plan = found?.plan
  return {
    caseId,
    lead: lead as SupportPlan['lead'],
    canWrite,
    goals: (plan?.goals ?? []) as SupportPlan['goals'],
    goalNote: plan?.goalNote ?? null,
    progressSummary: plan?.progressSummary ?? null,
    version: plan?.version ?? 0,
    updatedAt: plan ? plan.updatedAt.toISOString() : null,
    updatedByName: found?.updatedByName ?? null,
  }
}

export function toActivity(a: ActivityView): Activity {
  return {
    id: a.id,
    caseId: a.caseId,
    doneOn: a.doneOn,
    kind: a.kind as Activity['kind'],
    minutes: a.minutes,
    note: a.note,
    accountId: a.accountId,
    accountName: a.accountName,
    createdAt: a.createdAt.toISOString(),
  }
}

export function toObservedChange(c: ObservedChangeView): ObservedChange {
  return {
    id: c.id,
    caseId: c.caseId,
    observedOn: c.observedOn,
    note: c.note,
    accountId: c.accountId,
    accountName: c.accountName,
    createdAt: c.createdAt.toISOString(),
  }
}

/** How the case's history names these records' fields (prefixed, as contacts are 'contact.'). */
export const PLAN_FIELDS = ['goals', 'goalNote', 'progressSummary'] as const
export const ACTIVITY_FIELDS = ['doneOn', 'kind', 'minutes', 'note'] as const
export const OBSERVED_CHANGE_FIELDS = ['observedOn', 'note'] as const

/**
 * The case history's actions for support records. They must be listed in the history's action
 * enum (shared/contracts/cases.ts, caseEvent) for GET /api/cases/:id/history to return them.
 */
export const SUPPORT_EVENTS = {
  planUpdated: 'support_plan_updated',
  activityAdded: 'activity_added',
  activityCorrected: 'activity_corrected',
  observedChangeAdded: 'observed_change_added',
} as const satisfies Record<string, string>

export type SupportEvent = (typeof SUPPORT_EVENTS)[keyof typeof SUPPORT_EVENTS]

/** Narrows our action to the history's type; see SUPPORT_EVENTS. */
export const asCaseEventAction = (action: SupportEvent) => action as string as CaseEvent['action']
