// Mail is never sent inside a request: the request (in its own transaction) puts a row in the
// outbox, and the mail worker sends it, retrying on failure. So a reply is saved even when the
// SMTP server refuses or hangs, and staff can see a notice that did not go out.
// The outbox holds no content and no name: `kind` picks a fixed text when the mail is sent.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { mailOutbox } from '#server/db/schema/index.ts'
import { MAIL_NOTICE_ROLES } from '#shared/contracts/mail.ts'

export type MailKind =
  | 'inquiry_reply_waiting'
  | 'staff_new_inquiry'
  | 'staff_overdue'
  | 'seminar_moved_up'
  | 'seminar_reminder'
  | 'survey_invitation'

/** Queues one mail, due at once. Pass the transaction that makes the change it tells about. */
export async function enqueueMail(
  tx: Db,
  mail: {
    tenantId: string
    kind: MailKind
    toAddress: string
    threadId: string | null
    /** survey_invitation: the link whose token the worker derives when it writes the mail. */
    invitationId?: string
    now: Date
  },
): Promise<void> {
  await tx.insert(mailOutbox).values({
    tenantId: mail.tenantId,
    kind: mail.kind,
    toAddress: mail.toAddress,
    threadId: mail.threadId,
    invitationId: mail.invitationId ?? null,
    nextAttemptAt: mail.now,
    createdAt: mail.now,
  })
}

/**
 * Queues a staff notice to every active account of the city that opted in to this kind
 * (account_mail_preferences) and still works the inbox (an account moved to another role keeps
 * its stored choice but gets nothing); returns how many were queued. A database function
 * (migration 0019) reads the addresses and queues the rows, so that the public entry point's
 * role, which may not read accounts, can queue them too without ever seeing an address.
 */
export async function enqueueStaffNotices(
  tx: Db,
  notice: { tenantId: string; kind: 'staff_new_inquiry' | 'staff_overdue'; threadId: string; now: Date },
): Promise<number> {
  const roles = sql.join(
    MAIL_NOTICE_ROLES.map((r) => sql`${r}`),
    sql`, `,
  )
  const result = (await tx.execute(
    sql`SELECT public.yorisoi_enqueue_staff_notices(${notice.tenantId}, ${notice.kind},
          ${notice.threadId}::uuid, ${notice.now.toISOString()}::timestamptz, ARRAY[${roles}]::text[]) AS n`,
  )) as unknown as { rows: { n: number }[] }
  return Number(result.rows[0]?.n ?? 0)
}
