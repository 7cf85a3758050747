import type { z } from 'zod'
import { caseRecords } from '#server/modules/cases/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type * as contract from '#shared/contracts/handovers.ts'
import { READY_NEEDS_ASSESSMENT } from '#shared/contracts/handovers.ts'
import { tokyoDate } from '#shared/dates.ts'
import { toInboxItem } from './handovers.dto.ts'
import { requireInboxWard, requireMayAssess, requireMayRecordConsent } from './handovers.policy.ts'
import * as repo from './handovers.repository.ts'

type InboxQuery = z.output<NonNullable<typeof contract.listWardInbox.query>>
type AssessmentInput = z.output<NonNullable<typeof contract.writeAssessment.body>>
type ConsentInput = z.output<NonNullable<typeof contract.recordConsent.body>>
type WithdrawInput = z.output<NonNullable<typeof contract.withdrawConsent.body>>

/** The ward's side of a case; every change goes through the cases module's records (history, version). */
export function createHandoversService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async inbox(actor: Actor, query: InboxQuery) {
      const ward = requireInboxWard(actor)
      return db.transaction(async (tx) => {
        const { rows, total, counts } = await repo.findInbox(tx, actor.tenantId, ward, query)
        await writeAudit(tx, actor, clock.now(), {
          action: 'handover.inbox',
          detail: { ward, state: query.state, page: query.page, count: rows.length },
        })
        return { items: rows.map(toInboxItem), total, page: query.page, pageSize: query.pageSize, counts }
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
