import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from './actor.ts'
import type { Clock } from './clock.ts'
import { AppError } from './errors.ts'
import { refuseDuringImport } from './import-lock.ts'
import { markSeen, takeLoadedWith } from './session-state.ts'
import { endSession } from './sessions.ts'

export interface AuthenticateOptions {
  clock: Clock
  idleMinutes: number
  /**
   * The actor of a session's account, or undefined when it may no longer act (auth's loadActor);
   * `loaded` is what the session's lookup loaded with it for this request, if anything.
   */
  loadActor(
    tenantId: string,
    accountId: string,
    clientAddress: string,
    loaded?: unknown,
  ): Promise<Actor | undefined>
}

/**
 * `app.authenticate`, which every signed-in endpoint runs first (platform/http.ts): it ends idle
 * sessions and loads the actor from the account as the session's read found it: a change made
 * through this server counts on the very next request, one made elsewhere within a second
 * (session-cache.ts).
 */
export function registerAuthenticate(
  app: FastifyInstance,
  { clock, idleMinutes, loadActor }: AuthenticateOptions,
) {
  const idleMs = idleMinutes * 60_000
  app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    const { tenantId, accountId, lastSeen } = request.session
    if (!tenantId || !accountId) throw new AppError('unauthenticated')
    const now = clock.now().getTime()
    // An ended session also tells the browser to drop its cookie, as a logout does.
    if (!lastSeen || now - lastSeen > idleMs) {
      await endSession(request, reply)
      throw new AppError('session_expired')
    }
    const actor = await loadActor(tenantId, accountId, request.ip, takeLoadedWith(request))
    if (!actor) {
      await endSession(request, reply)
      throw new AppError('unauthenticated')
    }
    markSeen(request, now)
    request.actor = actor
    // Signing out and the second login step stay open while the city's ledger is imported.
    if (!request.url.startsWith('/api/auth/')) refuseDuringImport(tenantId, request.method)
  })
}
