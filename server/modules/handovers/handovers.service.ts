import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { caseRecords } from '#server/modules/cases/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import type * as contract from '#shared/contracts/handovers.ts'
import { DEFAULT_HANDOVER_WAIT_DAYS, READY_NEEDS_ASSESSMENT } from '#shared/contracts/handovers.ts'
import { addDays, tokyoDate } from '#shared/dates.ts'
import { toInboxItem } from './handovers.dto.ts'
import { requireInboxWard, requireMayAssess, requireMayRecordConsent } from './handovers.policy.ts'
import * as repo from './handovers.repository.ts'

type InboxQuery = z.output<NonNullable<typeof contract.listWardInbox.query>>
type AssessmentInput = z.output<NonNullable<typeof contract.writeAssessment.body>>
type ConsentInput = z.output<NonNullable<typeof contract.recordConsent.body>>
type WithdrawInput = z.output<NonNullable<typeof contract.withdrawConsent.body>>

/** The city's limit on days waiting in the inbox, or the default until the administrator sets one. */
async function readWaitLimit(db: Db, tenantId: string): Promise<number> {
  return (await readSetting<number>(db, tenantId, 'handoverWaitDays')) ?? DEFAULT_HANDOVER_WAIT_DAYS
}

/** The ward's side of a case; every change goes through the cases module's records (history, version). */
export function createHandoversService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async inbox(actor: Actor, query: InboxQuery) {
      const ward = requireInboxWard(actor)
      const today = tokyoDate(clock.now())
      return db.transaction(async (tx) => {
        const waitLimitDays = await readWaitLimit(tx, actor.tenantId)
        // Over the limit: started waiting before today minus the limit.
        const longSince = addDays(today, -waitLimitDays)
        const { rows, total, counts } = await repo.findInbox(tx, actor.tenantId, ward, query, longSince)
        await writeAudit(tx, actor, clock.now(), {
          action: 'handover.inbox',
          detail: { ward, state: query.state, page: query.page, count: rows.length },
        })
        return {
          items: rows.map((r) => toInboxItem(r, today, waitLimitDays)),
          total,
          page: query.page,
          pageSize: query.pageSize,
          today,
          waitLimitDays,
          counts,
        }
      })
    },

    /** 追加アセスメント and the ward's state; 会議付議可 only with an assessment written. */
    async assess(actor: Actor, caseId: string, input: AssessmentInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const { scope, theCase } = await caseRecords.findForChange(tx, actor, caseId)
        requireMayAssess(scope, theCase)
        caseRecords.requireVersion(theCase, input.version)
        const errors = new FieldErrors()
        if (input.wardState === 'ready' && !input.assessment) errors.add('assessment', READY_NEEDS_ASSESSMENT)
        errors.throwIfAny()
        const changes = await caseRecords.change(
          tx,
          actor,
          now,
          theCase,
          input.version,
          {
            wardAssessment: input.assessment,
            wardState: input.wardState,
          },
          'assessed',
        )
        await writeAudit(tx, actor, now, {
          action: 'case.assessment',
          recordType: 'case',
          recordId: caseId,
          detail: { fields: changes.map((c) => c.field), wardState: input.wardState },
        })
        return caseRecords.detail(tx, actor, caseId)
      })
    },

    /** 本人同意: the date (today at the latest, not before the case was opened) and a note. */
    async recordConsent(actor: Actor, caseId: string, input: ConsentInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const { scope, theCase } = await caseRecords.findForChange(tx, actor, caseId)
        requireMayRecordConsent(scope, theCase, 'record')
        caseRecords.requireVersion(theCase, input.version)
        const errors = new FieldErrors()
        caseRecords.checkDate(errors, 'consentOn', input.consentOn, tokyoDate(now), theCase.openedOn)
        errors.throwIfAny()
        const changes = await caseRecords.change(
          tx,
          actor,
          now,
          theCase,
          input.version,
          {
            consentOn: input.consentOn,
            consentNote: input.consentNote,
          },
          'consent_recorded',
        )
        await writeAudit(tx, actor, now, {
          action: 'case.consent.record',
          recordType: 'case',
          recordId: caseId,
          detail: { fields: changes.map((c) => c.field) },
        })
        return caseRecords.detail(tx, actor, caseId)
      })
    },

    /** The consent withdrawn (or recorded by mistake): cleared, with the reason in the history. */
    async withdrawConsent(actor: Actor, caseId: string, input: WithdrawInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const { scope, theCase } = await caseRecords.findForChange(tx, actor, caseId)
        requireMayRecordConsent(scope, theCase, 'withdraw')
        caseRecords.requireVersion(theCase, input.version)
        if (!theCase.values.consentOn) throw conflict('このケースには本人同意が記録されていません')
        await caseRecords.change(
          tx,
          actor,
          now,
          theCase,
          input.version,
          { consentOn: null, consentNote: null },
          'consent_withdrawn',
          input.reason,
        )
        await writeAudit(tx, actor, now, {
          action: 'case.consent.withdraw',
          recordType: 'case',
          recordId: caseId,
        })
        return caseRecords.detail(tx, actor, caseId)
      })
    },
  }
}

export type HandoversService = ReturnType<typeof createHandoversService>
