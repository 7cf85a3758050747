// One pass of the outbox worker: claim what is due, send each with its fixed text, record the
// outcome. A failure is retried later with growing pauses and finally given up; its error (without
// addresses) stays on the row for staff to see.
import type { Db } from '#server/db/client.ts'
import { ALL_CITIES, withTenant } from '#server/db/tenant-scope.ts'
import { invitationUrl } from '#server/modules/surveys/index.ts'
import type { Clock } from '#server/platform/clock.ts'
import { deriveLinkToken } from '#server/platform/link-token.ts'
import { describeMailError, type Mailer } from '#server/platform/mailer.ts'
import { composeNotice } from './mail.texts.ts'
import {
  type ClaimedMail,
  claimDueMail,
  markAttemptFailed,
  markSent,
  threadKey,
  threadLangs,
} from './outbox.repository.ts'

const MINUTE = 60_000
/** The pause after the 1st, 2nd, 3rd and 4th failed attempt; the 5th failure gives up. */
export const RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE] as const
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1
/**
 * A claimed row is hidden from other workers this long: far beyond the mailer's timeouts, so a
 * row is only taken again when the worker that claimed it died mid-send (it may then go twice,
 * which beats never).
 */
export const CLAIM_LEASE_MS = 15 * MINUTE
const BATCH = 20

/** What the worker may write to the log: counts, row ids and relay errors; never an address. */
export interface MailLog {
  info(detail: Record<string, unknown>, message: string): void
  warn(detail: Record<string, unknown>, message: string): void
}

export interface SendDueDeps {
  db: Db
  clock: Clock
  mailer: Mailer
  publicUrl: string
  log: MailLog
  /** The server's secret that survey links' tokens are derived from (config.sessionSecret). */
  linkSecret?: string
}

export interface SendDueResult {
  sent: number
  retrying: number
  failed: number
}

/** A survey invitation's link, its token derived again from the link's id (never stored). */
function surveyLink(deps: SendDueDeps, mail: ClaimedMail): string | undefined {
  if (mail.kind !== 'survey_invitation' || !mail.invitationId || !deps.linkSecret) return undefined
  const token = deriveLinkToken(deps.linkSecret, 'survey-invitation', mail.tenantId, mail.invitationId)
  return invitationUrl(deps.publicUrl, mail.tenantId, token)
}

/** Sends every due mail of every city, in batches, until none is due. */
export function sendDueMail(deps: SendDueDeps): Promise<SendDueResult> {
  // Every city's outbox: the worker is the operator's, not a request's (tenant-scope.ts).
  return withTenant(ALL_CITIES, async () => {
    const result: SendDueResult = { sent: 0, retrying: 0, failed: 0 }
    for (;;) {
      const now = deps.clock.now()
      const batch = await claimDueMail(deps.db, now, new Date(now.getTime() + CLAIM_LEASE_MS), BATCH)
      if (!batch.length) break
      const langs = await threadLangs(deps.db, batch)
      for (const mail of batch) {
        const lang = mail.threadId ? (langs.get(threadKey(mail.tenantId, mail.threadId)) ?? null) : null
        try {
          const { subject, text } = composeNotice({
            kind: mail.kind,
            tenantId: mail.tenantId,
            lang,
            publicUrl: deps.publicUrl,
            link: surveyLink(deps, mail),
          })
          await deps.mailer.send({ to: mail.toAddress, subject, text })
          await markSent(deps.db, mail, deps.clock.now())
          result.sent += 1
        } catch (error) {
          const reason = describeMailError(error)
          const delay = RETRY_DELAYS_MS[mail.attempts - 1]
          const retryAt = delay === undefined ? null : new Date(deps.clock.now().getTime() + delay)
          await markAttemptFailed(deps.db, mail, reason, retryAt)
          if (retryAt) result.retrying += 1
          else result.failed += 1
          deps.log.warn(
            {
              mailId: mail.id,
              kind: mail.kind,
              attempts: mail.attempts,
              willRetry: !!retryAt,
              error: reason,
            },
            retryAt ? 'mail: not sent, will retry' : 'mail: not sent, given up',
          )
        }
      }
    }
    if (result.sent || result.retrying || result.failed) deps.log.info({ ...result }, 'mail: outbox pass')
    return result
  })
}
