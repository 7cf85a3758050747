import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fastifyRateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyServerOptions } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createAuthService } from './modules/auth/index.ts'
import { modules } from './modules/index.ts'
import { registerApiDocs } from './platform/api-docs.ts'
import { auditRefusals } from './platform/audit.ts'
import { registerAuthenticate } from './platform/authenticate.ts'
import type { AppDeps } from './platform/deps.ts'
import { handleError, problem } from './platform/errors.ts'
import { registerSecurityHeaders } from './platform/headers.ts'
import { JSON_BODY_LIMIT, registerJsonParser } from './platform/json-body.ts'
import { loggablePath } from './platform/log-path.ts'
import { registerRequestTenant } from './platform/request-tenant.ts'
import { registerSessions } from './platform/sessions.ts'
import { registerWebFiles } from './platform/web-files.ts'
import { publicSite } from './public-site/index.ts'

export { SESSION_COOKIE } from './platform/sessions.ts'

// Zod's own messages in Japanese for the rare field without a message of ours.
z.config(z.locales.ja())

const builtWebRoot = fileURLToPath(new URL('../dist/web', import.meta.url))

export interface BuildOptions extends AppDeps {
  logger?: FastifyServerOptions['logger']
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean
  /** Where the built web app is; dist/web unless a test says otherwise. */
  webRoot?: string
}

/** Logs carry method, path and status only (see loggablePath: no query string, no token). */
export const loggerOptions = {
  level: process.env.LOG_LEVEL ?? 'info',
  serializers: {
    req: (req: { method: string; url: string }) => ({ method: req.method, path: loggablePath(req.url) }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  },
}

export async function buildApp(options: BuildOptions) {
  const { db, clock, config } = options
  const app = Fastify({
    logger: options.logger ?? false,
    // Only the listed proxies may name the client (proxy-addr); none listed: the socket's address.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    bodyLimit: JSON_BODY_LIMIT,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  auditRefusals(app, db, clock)
  registerJsonParser(app)

  await registerSecurityHeaders(app)
  // The session's lookup loads the account it is signed in as in the same statement (auth).
  const { loadActor, findSession } = createAuthService(db, clock)
  await registerSessions(app, options, findSession)
  registerRequestTenant(app)
  // Before any module's routes: every signed-in endpoint runs it first.
  registerAuthenticate(app, { clock, idleMinutes: config.idleMinutes, loadActor })
  // Login's limiters (modules/auth/login-limits.ts) share this in-memory store; room for many keys,
  // so a flood of made-up login IDs cannot push an address's failure count out of it.
  await app.register(fastifyRateLimit, { global: false, cache: 100_000 })
  await registerApiDocs(app, config.publicApiDocs ?? false)

  for (const register of modules) register(app, options)
  // The residents' web consultation pages (/soudan/<city>/), served beside the staff app.
  await publicSite(app, options)

  const webRoot = options.webRoot ?? builtWebRoot
  const sendPage = options.serveWeb && existsSync(webRoot) ? await registerWebFiles(app, webRoot) : undefined
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other GET that is not the API gets its page. Paths
    // with a file extension are assets, and a missing one is a 404: a stale script tag must
    // not receive HTML.
    const path = request.url.split('?')[0]!
    const isPage = !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path)
    if (sendPage && request.method === 'GET' && isPage) return sendPage(path, reply)
    return reply
      .status(404)
      .type('application/problem+json')
      .send(problem('not_found', 'このURLは存在しません'))
  })

  return app
}
