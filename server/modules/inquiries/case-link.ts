import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { caseRecords, openCase } from '#server/modules/cases/index.ts'
import { recordContact } from '#server/modules/contacts/index.ts'
import type { Actor, Recorder } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type { AgeBand, Counterpart } from '#shared/codes.ts'
import type * as contract from '#shared/contracts/inquiries.ts'
import { tokyoDate, tokyoTime } from '#shared/dates.ts'
import { firstConsulterOfCounterpart } from '#shared/first-consulter.ts'
import { requireInboxRole } from './inbox.policy.ts'
import * as repo from './inbox.repository.ts'
import { lockThread, requireWorkable, THREAD_REFUSALS, threadView } from './thread-access.ts'

type OpenInput = z.output<NonNullable<typeof contract.openCaseFromInquiry.body>>

type LinkedThread = Pick<repo.ThreadRow, 'id' | 'code' | 'caseId' | 'senderRole' | 'claimedBy'>

/**
 * Every message of a thread with a case that is not yet a contact becomes one (docs/domain.md:
 * web consultations count as contacts with method メール): dated when it was written, 対象 from
 * who wrote, a staff reply with its author and minutes, a resident's message with the thread's
 * counsellor. The contact names the thread, never copies the text: the text stays in the thread,
 * where the retention period removes it. Returns how many were counted.
 */
export async function countMessagesOfThread(
  tx: Db,
  recorder: Recorder,
  now: Date,
  thread: LinkedThread,
): Promise<number> {
  if (!thread.caseId) return 0
  const messages = await repo.findUncountedMessages(tx, recorder.tenantId, thread.id)
  for (const m of messages) {
    const byStaff = m.author === 'staff'
    const contact = await recordContact(tx, recorder, now, thread.caseId, {
      contactedOn: tokyoDate(m.createdAt),
      time: tokyoTime(m.createdAt),
      method: 'mail',
      counterpart: thread.senderRole,
      personId: null,
      staffId: byStaff ? m.staffId : (thread.claimedBy ?? recorder.accountId),
      minutes: byStaff ? m.minutes : null,
      summary: `ウェブ相談（受付番号 ${thread.code}）${byStaff ? 'への返信' : 'に届いたメッセージ'}`,
      nextStep: null,
      nextStepDueOn: null,
      nextStepDueTime: null,
    })
    await repo.setMessageContact(tx, recorder.tenantId, m.id, contact.id)
  }
  return messages.length
}

/**
 * For the resident's side: a message a resident writes to a thread that has a case counts as a
 * メール contact at once, in the transaction that stores it. Nobody with an account wrote it, so
 * the case history and the audit log name the web consultation instead of a staff member.
 */
export async function countResidentMessage(
  tx: Db,
  at: { tenantId: string; threadId: string; clientAddress: string; now: Date },
): Promise<number> {
  const thread = await repo.findThread(tx, at.tenantId, at.threadId)
  if (!thread?.caseId || thread.spam) return 0
  const resident: Recorder = {
    tenantId: at.tenantId,
    accountId: null,
    loginId: null,
    name: 'ウェブ相談（相談者）',
    clientAddress: at.clientAddress,
  }
  return countMessagesOfThread(tx, resident, at.now, thread)
}

/** Opening a case from a thread, or attaching the thread to a case the caller works on. */
export function createCaseLinkService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  /** Both ways share the end: the thread names the case, is the caller's, and its messages count. */
  async function link(tx: Db, actor: Actor, now: Date, row: repo.ThreadRow, caseId: string, how: string) {
    const claimedBy = row.claimedBy ?? actor.accountId
    await repo.updateThread(tx, actor.tenantId, row.id, {
      caseId,
      ...(row.claimedBy ? {} : { claimedBy, claimedAt: now }),
    })
    const counted = await countMessagesOfThread(tx, actor, now, { ...row, caseId, claimedBy })
    await writeAudit(tx, actor, now, {
      action: `inquiry.case.${how}`,
      recordType: 'inquiry',
      recordId: row.id,
      detail: { caseId, contacts: counted },
    })
    return threadView(tx, actor, row.id, now)
  }

  async function lockUnlinked(tx: Db, actor: Actor, id: string) {
    const row = await lockThread(tx, actor, id)
    requireWorkable(row)
    if (row.caseId) throw conflict(THREAD_REFUSALS.linked)
    return row
  }

  return {
    /** 相談者 is who wrote, 経路 ウェブサイト, opened on the day the resident first wrote unless given. */
    async open(actor: Actor, id: string, input: OpenInput) {
      requireInboxRole(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const row = await lockUnlinked(tx, actor, id)
        const opened = await openCase(
          tx,
          actor,
          now,
          {
            ...input,
            openedOn: input.openedOn ?? tokyoDate(row.createdAt),
            ageBand: input.ageBand ?? (row.subjectAgeBand as AgeBand | null),
            firstConsulter: firstConsulterOfCounterpart(row.senderRole as Counterpart),
            route: 'web',
            staffId: actor.accountId,
          },
          new FieldErrors(),
        )
        return link(tx, actor, now, row, opened.id, 'open')
      })
    },

    async attach(actor: Actor, id: string, caseId: string) {
      requireInboxRole(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const row = await lockUnlinked(tx, actor, id)
        // The case search's scope and the contacts' rule: a closed or handed-over case refuses.
        await caseRecords.findRecordable(tx, actor, caseId, 'add')
        return link(tx, actor, now, row, caseId, 'attach')
      })
    },
  }
}

export type CaseLinkService = ReturnType<typeof createCaseLinkService>
