// What the public pages need from Fastify: cookies, CSRF tokens, per-address rate limits and
// form posts. Inside the staff app (`npm start`) the first three are the app's own (sessions.ts,
// app.ts), so a token means the same everywhere; the public entry point (`npm run public`) has
// no sessions, so the site registers its own, scoped to itself.
import { createHmac } from 'node:crypto'
import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyRateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { csrfToken } from '#server/platform/sessions.ts'

/** Form posts are small: a consultation is at most 4,000 characters (×9 bytes percent-encoded). */
export const FORM_BODY_LIMIT = 64 * 1024
const PUBLIC_CSRF_COOKIE = 'yorisoi_public_csrf'

export interface SiteCsrf {
  /** A token for the page's forms. */
  token(request: FastifyRequest, reply: FastifyReply): string
  /** preHandler: the form's _csrf field must match; else the error goes to the site's error handler. */
  check(request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void
}

/**
 * Registers into `site` (the public pages' own scope) what the host app lacks; returns how the
 * pages make and check CSRF tokens.
 */
export async function prepareSite(
  host: FastifyInstance,
  site: FastifyInstance,
  deps: AppDeps,
): Promise<SiteCsrf> {
  // application/x-www-form-urlencoded: what a form without JavaScript posts. A repeated field
  // keeps its last value; invalid UTF-8 decodes to U+FFFD, which the form checks refuse.
  site.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)))
    },
  )
  if (!host.hasDecorator('rateLimit')) await site.register(fastifyRateLimit, { global: false })

  const hostHasCsrf = host.hasDecorator('csrfProtection')
  if (!hostHasCsrf) {
    if (!host.hasReplyDecorator('setCookie'))
      await site.register(fastifyCookie, { secret: deps.config.sessionSecret })
    await site.register(fastifyCsrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: PUBLIC_CSRF_COOKIE,
      cookieOpts: { httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/', signed: true },
      getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
      getUserInfo: () => 'public',
      csrfOpts: {
        userInfo: true,
        hmacKey: createHmac('sha256', deps.config.sessionSecret).update('yorisoi public csrf').digest(),
      },
    })
  }
  return {
    token: (request, reply) =>
      hostHasCsrf ? csrfToken(request, reply) : reply.generateCsrf({ userInfo: 'public' }),
    check(request, reply, done) {
      // The app's CSRF check reads the x-csrf-token header; a form sends the token as a field.
      const fromForm = (request.body as Record<string, unknown> | undefined)?._csrf
      request.headers['x-csrf-token'] = typeof fromForm === 'string' ? fromForm : ''
      site.csrfProtection(request, reply, done)
    },
  }
}
