import { normalizeIP } from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '#server/platform/errors.ts'

export interface LoginLimitSettings {
  /** Attempts per minute for one login ID from one address; 3× that from all addresses together. */
  perLogin: number
  /** Failed attempts per minute from one address, whatever login IDs they name. */
  failuresPerAddress: number
  /** The city a login names when it names none. */
  defaultCity: string
}

const WINDOW = '1 minute'
const TOO_MANY = 'ログインの試行が多すぎます。しばらく待ってからもう一度お試しください。'

/**
 * Three limits slow down guessing without letting one address lock out a whole office behind
 * NAT (see ARCHITECTURE.md, "Login"):
 * - per (address, login ID): every attempt counts, so one client cannot hammer one account;
 * - per login ID from anywhere: every attempt counts, so rotating addresses does not help either;
 * - per address: only FAILED attempts count, and the limit is generous, so colleagues' typos or
 *   another account being guessed from the same NAT address never stop a correct password.
 * The account lockout (10 failures, counted atomically in the database) stays the hard limit;
 * these in-memory counters only slow down, per process.
 */
export function createLoginLimits(app: FastifyInstance, settings: LoginLimitSettings) {
  const address = (request: FastifyRequest) => normalizeIP(request.ip)
  const login = (request: FastifyRequest) => {
    const body = request.body as { city?: string; loginId?: string }
    return `${body.city || settings.defaultCity}\u0000${(body.loginId ?? '').trim().toLowerCase()}`
  }
  const perAddressAndLogin = app.createRateLimit({
    max: settings.perLogin,
    timeWindow: WINDOW,
    keyGenerator: (r) => `login:address+id:${address(r)}\u0000${login(r)}`,
  })
  const perLogin = app.createRateLimit({
    max: settings.perLogin * 3,
    timeWindow: WINDOW,
    keyGenerator: (r) => `login:id:${login(r)}`,
  })
  const failuresPerAddress = app.createRateLimit({
    max: settings.failuresPerAddress,
    timeWindow: WINDOW,
    keyGenerator: (r) => `login:failed-from:${address(r)}`,
  })

  function refuse(reply: FastifyReply, ttlInSeconds: number): never {
    reply.header('retry-after', String(Math.max(1, ttlInSeconds)))
    throw new AppError('too_many_requests', TOO_MANY)
  }

  return {
    /** Before the password is checked: counts the attempt, throws 429 past a limit. */
    async admit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      for (const limit of [perAddressAndLogin, perLogin]) {
        const state = await limit(request)
        if (!state.isAllowed && state.isExceeded) refuse(reply, state.ttlInSeconds)
      }
      const failures = await failuresPerAddress(request, { increment: false })
      if (!failures.isAllowed && failures.remaining <= 0) refuse(reply, failures.ttlInSeconds)
    },

    /** After a refused login: counts the failure against the address. */
    async failed(request: FastifyRequest): Promise<void> {
      await failuresPerAddress(request)
    },
  }
}

export type LoginLimits = ReturnType<typeof createLoginLimits>
