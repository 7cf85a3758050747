import { createHmac } from 'node:crypto'
import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifySession from '@fastify/session'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from './deps.ts'
import { forgetAllSessions } from './session-cache.ts'
import { DbSessionStore, type SessionLookup } from './session-store.ts'

export const SESSION_COOKIE = 'yorisoi_session'
const READING = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Holds the CSRF secret (signed, HttpOnly); the token itself travels in x-csrf-token. */
export const CSRF_COOKIE = 'yorisoi_csrf'

/**
 * What a CSRF token is bound to: a session that belongs to someone (signed in, or pending the
 * second login step — session-state.ts) binds its tokens to its id, so a token works for
 * that session only (a secret planted from a sibling host is worthless without the session id);
 * before login there is no stored session, and the token is bound to the secret cookie alone.
 */
function csrfBinding(request: FastifyRequest): string {
  const { accountId, pending, sessionId } = request.session
  return accountId || pending ? `session:${sessionId}` : 'anonymous'
}

/** A CSRF token for the caller's next state-changing requests (GET /api/auth/session, login). */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: csrfBinding(request) })
}

/**
 * Cookies, server-side sessions and CSRF protection. A session is stored only once someone
 * logs in (saveUninitialized: false, and the CSRF secret lives in its own cookie, not in the
 * session): anonymous visitors — or a script calling GET /api/auth/session in a loop — leave
 * no rows behind.
 */
export async function registerSessions(
  app: FastifyInstance,
  { db, clock, config }: AppDeps,
  /** How a session is read by id (auth's: with the account it is signed in as). */
  lookup?: SessionLookup,
) {
  const cookieMs = (config.idleMinutes + 60) * 60_000
  await app.register(fastifyCookie, { secret: config.sessionSecret })
  await app.register(fastifySession, {
    secret: config.sessionSecret,
    cookieName: SESSION_COOKIE,
    // The server ends idle sessions itself (authenticate checks lastSeen); the cookie and the
    // stored row live an hour longer so that the user can be told why they were logged out.
    store: new DbSessionStore(db, clock, cookieMs, lookup),
    saveUninitialized: false,
    // Not rolling: a session is written only when it changed, and markSeen (session-state.ts)
    // changes lastSeen at most once a minute, so a signed-in read writes its audit row alone. The
    // cookie, re-sent with each write, then outlives the idle timeout by at least 59 minutes.
    rolling: false,
    // 'auto': Secure whenever the request came over https (directly or via a trusted proxy).
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: cookieMs },
  })
  // A change this process makes is seen by its very next request (session-cache.ts): the cached
  // sessions and their accounts are forgotten when a state-changing request begins and once its
  // work is done (before its answer leaves, so the caller's next request cannot come first).
  const forgetOnChange = async (request: FastifyRequest) => {
    if (!READING.has(request.method)) forgetAllSessions()
  }
  app.addHook('onRequest', forgetOnChange)
  app.addHook('onSend', forgetOnChange)
  app.addHook('onResponse', forgetOnChange)
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/', signed: true },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
    getUserInfo: csrfBinding,
    // Its own key, derived from the session secret, for the HMAC that binds tokens.
    csrfOpts: {
      userInfo: true,
      hmacKey: createHmac('sha256', config.sessionSecret).update('yorisoi csrf tokens').digest(),
    },
  })
}

/** Ends the session and tells the browser to drop its cookie (logout). */
export async function endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  await request.session.destroy()
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' })
}
