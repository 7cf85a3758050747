import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { caseRecords } from '#server/modules/cases/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import { changesBetween, fieldsSet } from '#server/platform/changes.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, refused } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type * as contract from '#shared/contracts/accompaniment.ts'
import { tokyoDate } from '#shared/dates.ts'
import {
  ACTIVITY_FIELDS,
  asCaseEventAction,
  OBSERVED_CHANGE_FIELDS,
  PLAN_FIELDS,
  SUPPORT_EVENTS,
  toActivity,
  toObservedChange,
  toSupportPlan,
} from './accompaniment.dto.ts'
import { maySupport, requireSupportWriter } from './accompaniment.policy.ts'
import * as repo from './accompaniment.repository.ts'

type Body<C extends { body?: z.ZodType }> = z.output<NonNullable<C['body']>>
type PlanInput = Body<typeof contract.updateSupportPlan>
type ActivityInput = Body<typeof contract.addActivity>
type CorrectionInput = Body<typeof contract.correctActivity>
type ObservedChangeInput = Body<typeof contract.addObservedChange>

export const STALE_PLAN = '他の職員が先に支援計画を更新しました。画面を再読み込みしてください。'

/** The case in the caller's scope (404 otherwise), with the facts that decide who may write. */
function findCase(tx: Db, actor: Actor, caseId: string) {
  return caseRecords.findReadable(tx, actor, caseId)
}

async function findWritableCase(tx: Db, actor: Actor, caseId: string) {
  const facts = await findCase(tx, actor, caseId)
  requireSupportWriter(actor, facts)
  return facts
}

export function createAccompanimentService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  const audit = (tx: Db, actor: Actor, action: string, recordType: string, recordId: string, detail = {}) =>
    writeAudit(tx, actor, clock.now(), { action, recordType, recordId, detail })

  return {
    async getPlan(actor: Actor, caseId: string) {
      return db.transaction(async (tx) => {
        const facts = await findCase(tx, actor, caseId)
        const found = await repo.findPlan(tx, actor.tenantId, caseId)
        await audit(tx, actor, 'support_plan.read', 'case', caseId, { version: found?.plan.version ?? 0 })
        return toSupportPlan(caseId, facts.lead, maySupport(actor, facts), found)
      })
    },

    /** Saves the plan made on `version`; the history keeps each changed field from → to. */
    async updatePlan(actor: Actor, caseId: string, input: PlanInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const facts = await findWritableCase(tx, actor, caseId)
        const before = await repo.findPlan(tx, actor.tenantId, caseId)
        if ((before?.plan.version ?? 0) !== input.version) throw conflict(STALE_PLAN)
        const values = {
          goals: input.goals,
          goalNote: input.goalNote,
          progressSummary: input.progressSummary,
        }
        const empty = { goals: [] as string[], goalNote: null, progressSummary: null }
        const changes = changesBetween(before?.plan ?? empty, values, PLAN_FIELDS, 'supportPlan.')
        if (changes.length > 0) {
          const row = { ...values, updatedAt: now, updatedBy: actor.accountId }
          const saved = before
            ? await repo.updatePlan(tx, actor.tenantId, caseId, input.version, row)
            : await repo.insertPlan(tx, { tenantId: actor.tenantId, caseId, ...row, version: 1 })
          if (!saved) throw conflict(STALE_PLAN)
          await caseRecords.recordEvent(
            tx,
            actor,
            now,
            caseId,
            asCaseEventAction(SUPPORT_EVENTS.planUpdated),
            changes,
          )
        }
        await audit(tx, actor, 'support_plan.update', 'case', caseId, {
          fields: changes.map((c) => c.field.replace(/^supportPlan\./, '')),
        })
        const after = await repo.findPlan(tx, actor.tenantId, caseId)
        return toSupportPlan(caseId, facts.lead, true, after)
      })
    },

    async listActivities(actor: Actor, caseId: string) {
      return db.transaction(async (tx) => {
        await findCase(tx, actor, caseId)
        const rows = await repo.findActivities(tx, actor.tenantId, caseId)
        await audit(tx, actor, 'activity.list', 'case', caseId, { count: rows.length })
        return rows.map(toActivity)
      })
    },

    async addActivity(actor: Actor, caseId: string, input: ActivityInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const facts = await findWritableCase(tx, actor, caseId)
        const errors = new FieldErrors()
        caseRecords.checkDate(errors, 'doneOn', input.doneOn, tokyoDate(now), facts.openedOn)
        errors.throwIfAny()
        const values = { ...input, minutes: input.minutes ?? null }
        const row = await repo.insertActivity(tx, {
          tenantId: actor.tenantId,
          caseId,
          ...values,
          accountId: actor.accountId,
          createdAt: now,
        })
        await caseRecords.recordEvent(
          tx,
          actor,
          now,
          caseId,
          asCaseEventAction(SUPPORT_EVENTS.activityAdded),
          fieldsSet(values, ACTIVITY_FIELDS, 'activity.'),
        )
        await audit(tx, actor, 'activity.create', 'support_activity', row.id, { caseId })
        return toActivity((await repo.findActivity(tx, actor.tenantId, caseId, row.id))!)
      })
    },

    /** Only the fields sent change; the case's history keeps each from → to with the reason. */
    async correctActivity(actor: Actor, caseId: string, activityId: string, input: CorrectionInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const facts = await findWritableCase(tx, actor, caseId)
        const before = await repo.findActivity(tx, actor.tenantId, caseId, activityId)
        if (!before) throw refused('support_activity', activityId)
        const { reason, ...sent } = input
        const after = Object.fromEntries(
          Object.entries(sent).filter(([, v]) => v !== undefined),
        ) as Partial<repo.ActivityRow>
        const errors = new FieldErrors()
        if (after.doneOn) {
          caseRecords.checkDate(errors, 'doneOn', after.doneOn, tokyoDate(now), facts.openedOn)
        }
        errors.throwIfAny()
        const changes = changesBetween(before, after, ACTIVITY_FIELDS, 'activity.')
        if (changes.length > 0) {
          await repo.updateActivity(tx, actor.tenantId, activityId, after)
          await caseRecords.recordEvent(
            tx,
            actor,
            now,
            caseId,
            asCaseEventAction(SUPPORT_EVENTS.activityCorrected),
            changes,
            reason,
          )
        }
        await audit(tx, actor, 'activity.correct', 'support_activity', activityId, {
          caseId,
          fields: changes.map((c) => c.field.replace(/^activity\./, '')),
        })
        return toActivity((await repo.findActivity(tx, actor.tenantId, caseId, activityId))!)
      })
    },

    async listObservedChanges(actor: Actor, caseId: string) {
      return db.transaction(async (tx) => {
        await findCase(tx, actor, caseId)
        const rows = await repo.findObservedChanges(tx, actor.tenantId, caseId)
        await audit(tx, actor, 'observed_change.list', 'case', caseId, { count: rows.length })
        return rows.map(toObservedChange)
      })
    },

    async addObservedChange(actor: Actor, caseId: string, input: ObservedChangeInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const facts = await findWritableCase(tx, actor, caseId)
        const errors = new FieldErrors()
        caseRecords.checkDate(errors, 'observedOn', input.observedOn, tokyoDate(now), facts.openedOn)
        errors.throwIfAny()
        const row = await repo.insertObservedChange(tx, {
          tenantId: actor.tenantId,
          caseId,
          ...input,
          accountId: actor.accountId,
          createdAt: now,
        })
        await caseRecords.recordEvent(
          tx,
          actor,
          now,
          caseId,
          asCaseEventAction(SUPPORT_EVENTS.observedChangeAdded),
          fieldsSet(input, OBSERVED_CHANGE_FIELDS, 'observedChange.'),
        )
        await audit(tx, actor, 'observed_change.create', 'observed_change', row.id, { caseId })
        return toObservedChange({ ...row, accountName: actor.name })
      })
    },
  }
}

export type AccompanimentService = ReturnType<typeof createAccompanimentService>
