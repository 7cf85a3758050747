import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type AuthService, toMe } from '#server/modules/auth/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import type { Clock } from '#server/platform/clock.ts'
import { AppError } from '#server/platform/errors.ts'
import { publicRoute, route } from '#server/platform/http.ts'
import { beginSession, pendingOf } from '#server/platform/session-state.ts'
import { csrfToken } from '#server/platform/sessions.ts'
import * as contract from '#shared/contracts/two-factor.ts'
import type { TwoFactorService } from './two-factor.service.ts'

export interface TwoFactorRouteOptions {
  auth: AuthService
  twoFactor: TwoFactorService
  clock: Clock
  /** Codes per client address per minute, like passwords. */
  loginRateLimit: number
}

export function registerTwoFactorRoutes(
  app: FastifyInstance,
  { auth, twoFactor, clock, loginRateLimit }: TwoFactorRouteOptions,
) {
  /**
   * Enrolment answers a signed-in session, and also a password-verified one whose city requires
   * 2FA before anything else (its only way forward).
   */
  async function enrollingActor(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<{ actor: Actor; pending: boolean }> {
    if (request.session.accountId) {
      await app.authenticate(request, reply)
      return { actor: request.actor!, pending: false }
    }
    const pending = pendingOf(request, clock.now().getTime())
    if (pending?.step !== 'enrol') throw new AppError('unauthenticated')
    const actor = await auth.loadActor(pending.tenantId, pending.accountId, request.ip)
    if (!actor) throw new AppError('unauthenticated')
    return { actor, pending: true }
  }

  publicRoute(app, contract.getTwoFactor, async ({ request, reply }) => {
    const { actor } = await enrollingActor(request, reply)
    return twoFactor.status(actor)
  })

  publicRoute(app, contract.startEnrolment, async ({ request, reply }) => {
    const { actor } = await enrollingActor(request, reply)
    return twoFactor.startEnrolment(actor)
  })

  publicRoute(
    app,
    contract.confirmEnrolment,
    async ({ request, reply, body }) => {
      const { actor, pending } = await enrollingActor(request, reply)
      const recoveryCodes = await twoFactor.confirmEnrolment(actor, body.code)
      // Enrolled: a session that was waiting for this becomes a signed-in one.
      if (pending) await beginSession(request, actor, clock.now().getTime())
      return { recoveryCodes, account: toMe(actor), csrfToken: csrfToken(request, reply) }
    },
    { rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
  )

  publicRoute(
    app,
    contract.verifySecondFactor,
    async ({ request, reply, body }) => {
      const pending = pendingOf(request, clock.now().getTime())
      if (pending?.step !== 'totp') throw new AppError('unauthenticated', 'もう一度ログインしてください')
      await twoFactor.verify(
        { tenantId: pending.tenantId, accountId: pending.accountId, clientAddress: request.ip },
        body.code,
      )
      const actor = await auth.loadActor(pending.tenantId, pending.accountId, request.ip)
      if (!actor) throw new AppError('unauthenticated', 'もう一度ログインしてください')
      await beginSession(request, actor, clock.now().getTime())
      return { account: toMe(actor), csrfToken: csrfToken(request, reply) }
    },
    { rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
  )

  route(app, contract.disableTwoFactor, async ({ actor, body }) => {
    await twoFactor.disable(actor, body.password)
    return null
  })

  route(app, contract.getAccountTwoFactor, ({ actor, params }) => twoFactor.statusFor(actor, params.id))

  route(app, contract.resetAccountTwoFactor, async ({ actor, params }) => {
    await twoFactor.reset(actor, params.id)
    return null
  })
}
