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
    /** What the session's own statement loaded for this request alone: see RequestOnly. */
    loadedWith?: RequestOnly<unknown>
  }
}

/**
 * A value the store's lookup of a session loaded with it for the current request only (the
 * account it is signed in as: session-store.ts). It rides on the session object from the store
 * to `authenticate`; its toJSON leaves it out both of the stored row and of the hash by which
 * @fastify/session decides whether the session changed and must be written.
 */
export class RequestOnly<T> {
  constructor(readonly value: T) {}
  toJSON(): undefined {
    return undefined
  }
}

/** Takes what the session's lookup loaded with it (once: it is this request's, and now used). */
export function takeLoadedWith(request: FastifyRequest): unknown {
  const loaded = request.session?.loadedWith
  if (!loaded) return undefined
  delete request.session.loadedWith
  // Only the store's own object: a stored session cannot smuggle a value in under this name.
  return loaded instanceof RequestOnly ? loaded.value : undefined
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
