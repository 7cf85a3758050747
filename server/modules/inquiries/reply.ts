import type { z } from 'zod'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict } from '#server/platform/errors.ts'
import { enqueueMail } from '#server/platform/mail-outbox.ts'
import type * as contract from '#shared/contracts/inquiries.ts'
import { countMessagesOfThread } from './case-link.ts'
import { requireInboxRole } from './inbox.policy.ts'
import * as repo from './inbox.repository.ts'
import { CLAIMED_BY_OTHER } from './inbox.service.ts'
import { lockThread, requireWorkable, threadView } from './thread-access.ts'

type ReplyInput = z.output<NonNullable<typeof contract.replyToInquiry.body>>

/**
 * A staff reply: the thread is the replier's (claimed now if nobody had it; someone else's
 * claim is respected), nothing waits any more, the resident's notice address (if any) gets the
 * content-free "a reply is waiting" mail through the outbox, and on a thread with a case the
 * reply is a メール contact at once, with its minutes.
 */
export function createReplyService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async reply(actor: Actor, id: string, input: ReplyInput) {
      requireInboxRole(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const row = await lockThread(tx, actor, id)
        requireWorkable(row)
        if (row.claimedBy && row.claimedBy !== actor.accountId) {
          throw conflict(CLAIMED_BY_OTHER(row.claimedByName ?? '他の職員'))
        }
        const message = await repo.insertMessage(tx, {
          tenantId: actor.tenantId,
          threadId: id,
          author: 'staff',
          staffId: actor.accountId,
          body: input.body,
          minutes: input.minutes ?? null,
          createdAt: now,
        })
        await repo.updateThread(tx, actor.tenantId, id, {
          awaitingSince: null,
          lastMessageAt: now,
          ...(row.claimedBy ? {} : { claimedBy: actor.accountId, claimedAt: now }),
        })
        if (row.noticeAddress) {
          await enqueueMail(tx, {
            tenantId: actor.tenantId,
            kind: 'inquiry_reply_waiting',
            toAddress: row.noticeAddress,
            threadId: id,
            now,
          })
        }
        const counted = row.caseId ? await countMessagesOfThread(tx, actor, now, row) : 0
        await writeAudit(tx, actor, now, {
          action: 'inquiry.reply',
          recordType: 'inquiry',
          recordId: id,
          detail: { messageId: message.id, notice: row.noticeAddress !== null, contacts: counted },
        })
        return threadView(tx, actor, id, now)
      })
    },
  }
}

export type ReplyService = ReturnType<typeof createReplyService>
