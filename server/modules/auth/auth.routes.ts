import type { FastifyInstance } from 'fastify'
import type { Clock } from '#server/platform/clock.ts'
import { publicRoute, route } from '#server/platform/http.ts'
import {
  beginSession,
  holdForSecondFactor,
  markSeen,
  pendingOf,
  type SecondStep,
  takeLoadedWith,
} from '#server/platform/session-state.ts'
import { csrfToken, endSession } from '#server/platform/sessions.ts'
import * as contract from '#shared/contracts/auth.ts'
import { type AuthService, toMe } from './auth.service.ts'
import { createLoginLimits } from './login-limits.ts'
import type { PasswordLinkService } from './password-links.service.ts'

/** Decides the second step (the two-factor module's service, handed in where the modules are wired). */
export interface SecondStepRule {
  nextStep(tenantId: string, accountId: string, role: string): Promise<SecondStep | null>
}

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

  publicRoute(app, contract.getSession, async ({ request, reply }) => {
    const { tenantId, accountId, lastSeen } = request.session
    let account = null
    if (tenantId && accountId && lastSeen && clock.now().getTime() - lastSeen <= idleMs) {
      const actor = await auth.loadActor(tenantId, accountId, request.ip, takeLoadedWith(request))
      if (actor) {
        account = toMe(actor)
        markSeen(request, clock.now().getTime())
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
    await beginSession(request, actor, clock.now().getTime())
    return { account: toMe(actor), csrfToken: csrfToken(request, reply), secondFactor: null }
  })

  route(app, contract.logout, async ({ actor, request, reply }) => {
    await auth.logout(actor)
    await endSession(request, reply)
    return null
  })

  publicRoute(app, contract.describePasswordLink, async ({ body }) => {
    const link = await links.describe(body.token)
    return {
      purpose: link.purpose,
      loginId: link.loginId,
      name: link.name,
      choosesOrganisation: link.choosesOrganisation,
    }
  })

  publicRoute(app, contract.usePasswordLink, async ({ body, request }) => {
    await links.use(body, request.ip)
    return null
  })
}
