import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Clock } from '#server/platform/clock.ts'
import { AppError } from '#server/platform/errors.ts'
import { publicRoute, route } from '#server/platform/http.ts'
import { csrfToken, endSession } from '#server/platform/sessions.ts'
import * as contract from '#shared/contracts/auth.ts'
import { type AuthService, toMe } from './auth.service.ts'
import { createLoginLimits } from './login-limits.ts'
import type { PasswordLinkService } from './password-links.service.ts'
import { holdForSecondFactor, pendingOf, type SecondStepRule } from './second-factor.ts'

export interface AuthRouteOptions {
  auth: AuthService
  twoFactor: SecondStepRule
  links: PasswordLinkService
  clock: Clock
  idleMinutes: number
  defaultCity: string
  loginRateLimit: number
  loginAddressRateLimit: number
}

declare module 'fastify' {
  interface Session {
    tenantId?: string
    accountId?: string
    /** Epoch ms of the last request: the idle timeout counts from here. */
    lastSeen?: number
  }
}

export function registerAuthRoutes(
  app: FastifyInstance,
  {
    auth,
    twoFactor,
    links,
    clock,
    idleMinutes,
    defaultCity,
    loginRateLimit,
    loginAddressRateLimit,
  }: AuthRouteOptions,
) {
  const idleMs = idleMinutes * 60_000

  // Every signed-in endpoint runs this first: it ends idle sessions and loads the actor fresh,
  // so a deactivated account or a changed role takes effect on the very next request.
  app.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {
    const { tenantId, accountId, lastSeen } = request.session
    if (!tenantId || !accountId) throw new AppError('unauthenticated')
    const now = clock.now().getTime()
    // An ended session also tells the browser to drop its cookie, as a logout does.
    if (!lastSeen || now - lastSeen > idleMs) {
      await endSession(request, reply)
      throw new AppError('session_expired')
    }
    const actor = await auth.loadActor(tenantId, accountId, request.ip)
    if (!actor) {
      await endSession(request, reply)
      throw new AppError('unauthenticated')
    }
    request.session.lastSeen = now
    request.actor = actor
  })

  publicRoute(app, contract.getSession, async ({ request, reply }) => {
    const { tenantId, accountId, lastSeen } = request.session
    let account = null
    if (tenantId && accountId && lastSeen && clock.now().getTime() - lastSeen <= idleMs) {
      const actor = await auth.loadActor(tenantId, accountId, request.ip)
      if (actor) {
        account = toMe(actor)
        request.session.lastSeen = clock.now().getTime()
      }
    }
    const secondFactor = account ? null : (pendingOf(request, clock.now().getTime())?.step ?? null)
    return { account, csrfToken: csrfToken(request, reply), idleMinutes, secondFactor }
  })

  const limits = createLoginLimits(app, {
    perLogin: loginRateLimit,
    failuresPerAddress: loginAddressRateLimit,
    defaultCity,
  })

  publicRoute(app, contract.login, async ({ body, request, reply }) => {
    await limits.admit(request, reply)
    const actor = await auth
      .login(body.city || defaultCity, body.loginId, body.password, request.ip)
      .catch(async (error: unknown) => {
        await limits.failed(request)
        throw error
      })
    const step = await twoFactor.nextStep(actor.tenantId, actor.accountId, actor.role)
    if (step) {
      await holdForSecondFactor(request, actor, step, clock.now().getTime())
      return { account: null, csrfToken: csrfToken(request, reply), secondFactor: step }
    }
    // A new session id at login, so a session id planted before login is worthless.
    await request.session.regenerate()
    request.session.tenantId = actor.tenantId
    request.session.accountId = actor.accountId
    request.session.lastSeen = clock.now().getTime()
    return { account: toMe(actor), csrfToken: csrfToken(request, reply), secondFactor: null }
  })

  route(app, contract.logout, async ({ actor, request, reply }) => {
    await auth.logout(actor)
    await endSession(request, reply)
    return null
  })

  publicRoute(app, contract.describePasswordLink, async ({ body }) => {
    const link = await links.describe(body.token)
    return { purpose: link.purpose, loginId: link.loginId, name: link.name }
  })

  publicRoute(app, contract.usePasswordLink, async ({ body, request }) => {
    await links.use(body, request.ip)
    return null
  })
}
