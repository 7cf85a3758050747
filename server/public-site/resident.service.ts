// The resident's side of the web consultation: open a thread, come back with 受付番号 + 合言葉,
// read it, write again. Every query names the city (tenant_id) and runs in that city's scope,
// so row-level security lets it through on PostgreSQL.
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { inquiryMessages, inquiryThreads } from '#server/db/schema/index.ts'
import { countResidentMessage } from '#server/modules/inquiries/index.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import { writeAnonymousAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { dummyPasswordHash, hashPassword, verifyPassword } from '#server/platform/crypto.ts'
import { isUniqueViolation } from '#server/platform/errors.ts'
import { enqueueStaffNotices } from '#server/platform/mail-outbox.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import { INQUIRY_SETTING_DEFAULTS, INQUIRY_SETTING_KEYS } from '#shared/inquiry-settings.ts'
import { mentionsCrisis } from './crisis.ts'
import { normalisePassphrase } from './form-input.ts'
import type { Lang } from './i18n/i18n.ts'
import { newReferenceCode, normaliseReferenceCode } from './reference-code.ts'
import type { WriteInput } from './write-form.ts'

/**
 * Guessing a passphrase: after `maxTries` wrong ones in a row the code refuses every try for
 * `lockMinutes`, doubling with each further wrong try (up to a day). The counter is taken in
 * one UPDATE before the passphrase is checked, so concurrent tries cannot slip past it.
 */
export interface Throttle {
  maxTries: number
  lockMinutes: number
}
export const DEFAULT_THROTTLE: Throttle = { maxTries: 5, lockMinutes: 15 }
const MAX_LOCK_MS = 24 * 3_600_000

/** Audit rows of residents carry no address: the window promises anonymity. */
const RESIDENT = { loginId: null, accountId: null, clientAddress: null }

export interface ThreadView {
  code: string
  status: string
  urgent: boolean
  messages: { author: 'resident' | 'staff'; body: string | null; at: Date }[]
}

/**
 * A message to a thread that belongs to a case counts as a メール contact at once (表3). The
 * public entry point's database role may not write contacts (server/db/public-role.ts): there the
 * savepoint's failure leaves the message uncounted instead of losing it, and staff count it.
 */
async function countAsContact(tx: Db, tenantId: string, threadId: string, now: Date) {
  try {
    await tx.transaction((sp) => countResidentMessage(sp, { tenantId, threadId, clientAddress: '', now }))
  } catch (error) {
    if (
      (error as { code?: string }).code !== '42501' &&
      (error as { cause?: { code?: string } }).cause?.code !== '42501'
    ) {
      throw error
    }
  }
}

export function createResidentService(db: Db, clock: Clock, throttle: Throttle = DEFAULT_THROTTLE) {
  async function crisisWords(tx: Db, tenantId: string): Promise<readonly string[]> {
    const words = await readSetting<string[]>(tx, tenantId, INQUIRY_SETTING_KEYS.crisisWords)
    return Array.isArray(words) ? words : INQUIRY_SETTING_DEFAULTS.crisisWords
  }

  return {
    /** The city's name, or undefined when no such city exists. */
    cityName: (tenantId: string) => orgRecords.cityName(db, tenantId),
    windowInfo: (tenantId: string) => orgRecords.windowInfo(db, tenantId),

    /** Opens a thread with its first message; the code is new and unique in the city. */
    async open(tenantId: string, input: WriteInput, lang: Lang) {
      const passphraseHash = await hashPassword(input.passphrase)
      for (let attempt = 0; ; attempt++) {
        const code = newReferenceCode()
        try {
          return await db.transaction(async (tx) => {
            const now = clock.now()
            const urgent = mentionsCrisis(input.body, await crisisWords(tx, tenantId))
            const [thread] = await tx
              .insert(inquiryThreads)
              .values({
                tenantId,
                code,
                passphraseHash,
                senderRole: input.senderRole,
                subjectAgeBand: input.ageBand,
                nickname: input.nickname,
                noticeAddress: input.noticeAddress,
                acceptsCall: input.acceptsCall,
                phone: input.phone,
                lang,
                urgent,
                awaitingSince: now,
                lastMessageAt: now,
                createdAt: now,
              })
              .returning({ id: inquiryThreads.id })
            const threadId = thread!.id
            const [message] = await tx
              .insert(inquiryMessages)
              .values({ tenantId, threadId, author: 'resident', body: input.body, urgent, createdAt: now })
              .returning({ id: inquiryMessages.id })
            await enqueueStaffNotices(tx, { tenantId, kind: 'staff_new_inquiry', threadId, now })
            await writeAnonymousAudit(tx, tenantId, now, RESIDENT, {
              action: 'inquiry.opened',
              recordType: 'inquiry_thread',
              recordId: threadId,
              detail: { messageId: message!.id },
            })
            return { threadId, code, urgent }
          })
        } catch (error) {
          // Two residents drew the same code at the same moment (1 in 10^12): draw again.
          if (attempt < 3 && isUniqueViolation(error)) continue
          throw error
        }
      }
    },

    /**
     * The thread for a code and passphrase, or null — the same null for an unknown code, a wrong
     * passphrase and a locked code, after the same argon2 work, so none can be told apart.
     */
    async comeBack(tenantId: string, typedCode: string, typedPassphrase: string) {
      const passphrase = normalisePassphrase(typedPassphrase)
      const code = normaliseReferenceCode(typedCode)
      const now = clock.now()
      const t = inquiryThreads
      const [row] = code
        ? await db
            .update(t)
            .set({
              failedAttempts: sql`${t.failedAttempts} + 1`,
              lockedUntil: sql`CASE WHEN ${t.failedAttempts} + 1 >= ${throttle.maxTries}
                THEN ${now.toISOString()}::timestamptz + least(
                  ${throttle.lockMinutes * 60_000}::float8 * power(2, ${t.failedAttempts} + 1 - ${throttle.maxTries}),
                  ${MAX_LOCK_MS}::float8) * interval '1 millisecond'
                ELSE ${t.lockedUntil} END`,
            })
            .where(
              and(
                eq(t.tenantId, tenantId),
                eq(t.code, code),
                or(isNull(t.lockedUntil), lte(t.lockedUntil, now)),
              ),
            )
            .returning({ id: t.id, hash: t.passphraseHash, tries: t.failedAttempts })
        : []
      if (!row) {
        await verifyPassword(await dummyPasswordHash(), passphrase)
        return null
      }
      if (!(await verifyPassword(row.hash, passphrase))) {
        if (row.tries === throttle.maxTries) {
          await writeAnonymousAudit(db, tenantId, now, RESIDENT, {
            action: 'inquiry.code_locked',
            recordType: 'inquiry_thread',
            recordId: row.id,
            detail: { tries: row.tries },
          })
        }
        return null
      }
      await db.transaction(async (tx) => {
        await tx
          .update(t)
          .set({ failedAttempts: 0, lockedUntil: null })
          .where(and(eq(t.tenantId, tenantId), eq(t.id, row.id)))
        await writeAnonymousAudit(tx, tenantId, now, RESIDENT, {
          action: 'inquiry.resident_opened',
          recordType: 'inquiry_thread',
          recordId: row.id,
        })
      })
      return { threadId: row.id }
    },

    async thread(tenantId: string, threadId: string): Promise<ThreadView | null> {
      const [thread] = await db
        .select({ code: inquiryThreads.code, status: inquiryThreads.status, urgent: inquiryThreads.urgent })
        .from(inquiryThreads)
        .where(and(eq(inquiryThreads.tenantId, tenantId), eq(inquiryThreads.id, threadId)))
      if (!thread) return null
      const messages = await db
        .select({ author: inquiryMessages.author, body: inquiryMessages.body, at: inquiryMessages.createdAt })
        .from(inquiryMessages)
        .where(and(eq(inquiryMessages.tenantId, tenantId), eq(inquiryMessages.threadId, threadId)))
        .orderBy(asc(inquiryMessages.createdAt), asc(inquiryMessages.id))
      return { ...thread, messages: messages as ThreadView['messages'] }
    },

    /** A resident's follow-up; 'closed' when the thread no longer takes messages, null when gone. */
    async writeAgain(tenantId: string, threadId: string, body: string) {
      return db.transaction(async (tx) => {
        const now = clock.now()
        const [thread] = await tx
          .select({ status: inquiryThreads.status, spam: inquiryThreads.spam, caseId: inquiryThreads.caseId })
          .from(inquiryThreads)
          .where(and(eq(inquiryThreads.tenantId, tenantId), eq(inquiryThreads.id, threadId)))
          .for('update')
        if (!thread) return null
        if (thread.status !== 'open') return 'closed' as const
        const urgent = mentionsCrisis(body, await crisisWords(tx, tenantId))
        const [message] = await tx
          .insert(inquiryMessages)
          .values({ tenantId, threadId, author: 'resident', body, urgent, createdAt: now })
          .returning({ id: inquiryMessages.id })
        await tx
          .update(inquiryThreads)
          .set({
            lastMessageAt: now,
            awaitingSince: sql`coalesce(${inquiryThreads.awaitingSince}, ${now.toISOString()}::timestamptz)`,
            urgent: sql`${inquiryThreads.urgent} or ${urgent}`,
            version: sql`${inquiryThreads.version} + 1`,
          })
          .where(and(eq(inquiryThreads.tenantId, tenantId), eq(inquiryThreads.id, threadId)))
        if (thread.caseId) await countAsContact(tx, tenantId, threadId, now)
        // A thread staff marked as spam is kept, but its new messages wake nobody.
        if (!thread.spam)
          await enqueueStaffNotices(tx, { tenantId, kind: 'staff_new_inquiry', threadId, now })
        await writeAnonymousAudit(tx, tenantId, now, RESIDENT, {
          action: 'inquiry.resident_wrote',
          recordType: 'inquiry_thread',
          recordId: threadId,
          detail: { messageId: message!.id },
        })
        return { urgent }
      })
    },
  }
}

export type ResidentService = ReturnType<typeof createResidentService>
