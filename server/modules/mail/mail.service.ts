// The signed-in counsellor's own notice settings, and a thread's notice status for staff.

import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { requireInboxRole } from '#server/modules/inquiries/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { AppError, forbidden, refused } from '#server/platform/errors.ts'
import type { mailPreferencesInput } from '#shared/contracts/mail.ts'
import { type MailPreferences, receivesInquiryNotices, type ThreadNotice } from '#shared/contracts/mail.ts'
import * as repo from './mail.repository.ts'

export const MAIL_DISABLED_MESSAGE =
  'このシステムではメールの送信が設定されていないため、メール通知は受け取れません（システム管理者にご相談ください）'
const NOT_A_COUNSELLOR = 'メール通知は、ウェブ相談の受信箱を担当する相談窓口の相談員が設定できます'

export function createMailService(db: Db, clock: Clock, mailEnabled: boolean) {
  async function preferencesOf(actor: Actor): Promise<MailPreferences> {
    const row = await repo.findPreferences(db, actor.tenantId, actor.accountId)
    return {
      mailEnabled,
      address: row?.address ?? null,
      newInquiries: row?.newInquiries ?? false,
      overdueInquiries: row?.overdueInquiries ?? false,
    }
  }

  return {
    async getPreferences(actor: Actor): Promise<MailPreferences> {
      if (!receivesInquiryNotices(actor.role)) throw forbidden(NOT_A_COUNSELLOR)
      return preferencesOf(actor)
    },

    /** An address with opt-ins is kept; no address (and no opt-in) removes the row. Audited without the address. */
    async setPreferences(
      actor: Actor,
      input: z.output<typeof mailPreferencesInput>,
    ): Promise<MailPreferences> {
      if (!receivesInquiryNotices(actor.role)) throw forbidden(NOT_A_COUNSELLOR)
      if (!mailEnabled && (input.newInquiries || input.overdueInquiries)) {
        throw new AppError('validation', MAIL_DISABLED_MESSAGE)
      }
      await db.transaction(async (tx) => {
        const before = await repo.findPreferences(tx, actor.tenantId, actor.accountId)
        if (input.address === null) await repo.removePreferences(tx, actor.tenantId, actor.accountId)
        else {
          await repo.savePreferences(tx, {
            tenantId: actor.tenantId,
            accountId: actor.accountId,
            address: input.address,
            newInquiries: input.newInquiries,
            overdueInquiries: input.overdueInquiries,
          })
        }
        const address =
          input.address === null
            ? before
              ? 'removed'
              : 'none'
            : before?.address === input.address
              ? 'kept'
              : 'set'
        await writeAudit(tx, actor, clock.now(), {
          action: 'mail_preferences.update',
          recordType: 'account',
          recordId: actor.accountId,
          detail: { address, newInquiries: input.newInquiries, overdueInquiries: input.overdueInquiries },
        })
      })
      return preferencesOf(actor)
    },

    /**
     * The notices of a thread, for the staff who work the inbox: whether the resident's "a reply is
     * waiting" went out, is waiting for a retry, or failed (with the relay's error). Never the address.
     */
    async threadNotices(
      actor: Actor,
      threadId: string,
    ): Promise<{ mailEnabled: boolean; notices: ThreadNotice[] }> {
      // Whoever may read the thread (the inquiries module's rule), and only in their own city.
      requireInboxRole(actor)
      if (!(await repo.threadExists(db, actor.tenantId, threadId))) throw refused('inquiry', threadId)
      return db.transaction(async (tx) => {
        const rows = await repo.noticesOfThread(tx, actor.tenantId, threadId)
        await writeAudit(tx, actor, clock.now(), {
          action: 'inquiry.notices_read',
          recordType: 'inquiry',
          recordId: threadId,
          detail: { count: rows.length },
        })
        return {
          mailEnabled,
          notices: rows.map((r) => ({
            id: r.id,
            kind: r.kind as ThreadNotice['kind'],
            recipient: r.kind === 'inquiry_reply_waiting' ? ('resident' as const) : ('staff' as const),
            status: r.status as ThreadNotice['status'],
            attempts: r.attempts,
            lastError: r.lastError,
            createdAt: r.createdAt.toISOString(),
            nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
            sentAt: r.sentAt?.toISOString() ?? null,
          })),
        }
      })
    },
  }
}

export type MailService = ReturnType<typeof createMailService>
