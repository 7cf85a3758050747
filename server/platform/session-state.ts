// What a stored session holds, and its three states: anonymous (nothing, and no row), pending the
// second login step, and signed in. A pending session holds no account (authenticate refuses it
// everywhere); it names whom it is for and which step remains: a code (totp) or, where the city
// requires 2FA and none is set up, the enrolment endpoints only.
import type { FastifyRequest } from 'fastify'

/** What remains after a correct password: a code from the app, or setting one up first. */
export type SecondStep = 'totp' | 'enrol'

/** How long a password-verified session waits for its second step. */
export const PENDING_MINUTES = 10

declare module 'fastify' {
  interface Session {
    tenantId?: string
    accountId?: string
    /** Epoch ms of the last request: the idle timeout counts from here. */
    lastSeen?: number
    pending?: { tenantId: string; accountId: string; step: SecondStep; since: number }
  }
}

/**
 * How stale a session's stored lastSeen may be. Writing it on every request made every signed-in
 * read write twice (the session row and the audit row); writing it at most once a minute keeps
 * reads at one write. The idle timeout then counts from the last recorded request, up to a minute
 * before the real last one: a session may end up to a minute early, never late.
 */
export const LAST_SEEN_EVERY_MS = 60_000

/** Records a request in the session, when what is stored is a minute old or more (see above). */
export function markSeen(request: FastifyRequest, now: number): void {
  const { lastSeen } = request.session
  if (lastSeen === undefined || now - lastSeen >= LAST_SEEN_EVERY_MS) request.session.lastSeen = now
}

/** A new session id that only allows the second step (the old id, planted or not, is worthless). */
export async function holdForSecondFactor(
  request: FastifyRequest,
  who: { tenantId: string; accountId: string },
  step: SecondStep,
  now: number,
): Promise<void> {
  await request.session.regenerate()
  request.session.pending = { tenantId: who.tenantId, accountId: who.accountId, step, since: now }
}

/** The step the session waits for, or null (none, or it waited too long). */
export function pendingOf(request: FastifyRequest, now: number) {
  const pending = request.session.pending
  if (!pending || now - pending.since > PENDING_MINUTES * 60_000) return null
  return pending
}

/** The signed-in session proper, under a new id, so a session id planted before login is worthless. */
export async function beginSession(
  request: FastifyRequest,
  who: { tenantId: string; accountId: string },
  now: number,
): Promise<void> {
  await request.session.regenerate()
  request.session.tenantId = who.tenantId
  request.session.accountId = who.accountId
  request.session.lastSeen = now
}
