import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { caseRecords } from '#server/modules/cases/index.ts'
import { namesOfCasePeople } from '#server/modules/people/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { AppError, conflict, forbidden, refused } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import type * as contract from '#shared/contracts/network.ts'
import { fiscalYearLabel, fiscalYearOf, tokyoDate } from '#shared/dates.ts'
import { findIdentifying, IDENTIFYING_MESSAGES } from './anonymity.ts'
import { toShare } from './network.dto.ts'
import { mayWithdrawShare, requireNetworkReader, requireSharer } from './network.policy.ts'
import * as repo from './network.repository.ts'

type ShareInput = z.output<NonNullable<typeof contract.shareCase.body>>

const CASE_NOT_FOUND = 'ケースが見つかりません。担当しているケースの中から選択してください'
const ALREADY_SHARED = 'このケースはすでにこの会議に共有されています'
const SHARED_TEXT_FIELDS = ['title', 'summary', 'question'] as const

/** The case as the caller may read it (the cases module's scope), or undefined outside it. */
async function readableCase(tx: Db, actor: Actor, caseId: string): Promise<CaseDetail | undefined> {
  try {
    return await caseRecords.detail(tx, actor, caseId)
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return undefined
    throw error
  }
}

/**
 * A case reaches a case-study meeting only as an anonymised summary: the server copies the
 * coarse facts itself and refuses text that names the person, the case number or an exact
 * date. Every ward's staff reads the result, so nothing else of the case is stored with it.
 */
export function createSharesService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async share(actor: Actor, meetingId: string, input: ShareInput) {
      requireSharer(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const meeting = await repo.findMeeting(tx, actor.tenantId, meetingId)
        if (!meeting) throw refused('network_meeting', meetingId)
        if (meeting.kind !== 'case_study') {
          throw conflict('ケースを共有できるのは支援ミーティング（事例検討）だけです')
        }
        if (meeting.heldOn < tokyoDate(now)) {
          throw conflict('開催日を過ぎた会議にはケースを共有できません')
        }
        const errors = new FieldErrors()
        const theCase = await readableCase(tx, actor, input.caseId)
        if (!theCase) errors.add('caseId', CASE_NOT_FOUND)
        else if (await repo.caseAlreadyShared(tx, actor.tenantId, meetingId, theCase.id)) {
          errors.add('caseId', ALREADY_SHARED)
        }
        if (theCase) {
          // Read inside the case's scope (above); used for the check only, never stored or returned.
          const household = await namesOfCasePeople(tx, actor.tenantId, theCase.id)
          for (const field of SHARED_TEXT_FIELDS) {
            const text = input[field]
            const found = text ? findIdentifying(text, { ...theCase, household }) : null
            if (found) errors.add(field, IDENTIFYING_MESSAGES[found])
          }
        }
        errors.throwIfAny()
        const c = theCase!
        const row = await repo.insertShare(tx, {
          tenantId: actor.tenantId,
          meetingId,
          caseId: c.id,
          ward: actor.wardCode,
          title: input.title,
          ageBand: c.ageBand,
          gender: c.gender,
          firstConsulter: c.firstConsulter,
          concerns: c.concerns,
          lead: c.lead,
          openedFiscalYear: fiscalYearLabel(fiscalYearOf(c.openedOn)),
          summary: input.summary,
          question: input.question,
          sharedBy: actor.accountId,
          sharedAt: now,
        })
        // Reading the case to share it is a read of personal data: the audit names the case.
        await writeAudit(tx, actor, now, {
          action: 'case_study.share',
          recordType: 'case',
          recordId: c.id,
          detail: { meetingId, shareId: row.id },
        })
        return toShare((await repo.findShare(tx, actor.tenantId, meetingId, row.id))!, actor)
      })
    },

    async withdraw(actor: Actor, meetingId: string, shareId: string) {
      requireNetworkReader(actor)
      const now = clock.now()
      await db.transaction(async (tx) => {
        const share = await repo.findShare(tx, actor.tenantId, meetingId, shareId)
        if (!share) throw refused('network_share', shareId)
        if (!mayWithdrawShare(actor, share)) {
          throw forbidden('共有を取り下げられるのは、共有した職員と本市担当課です')
        }
        await repo.deleteShareRow(tx, actor.tenantId, shareId)
        await writeAudit(tx, actor, now, {
          action: 'case_study.withdraw',
          recordType: 'case',
          recordId: share.caseId,
          detail: { meetingId, shareId },
        })
      })
      return null
    },
  }
}

export type SharesService = ReturnType<typeof createSharesService>
