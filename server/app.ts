import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fastifyCookie from '@fastify/cookie'
import fastifyCsrf from '@fastify/csrf-protection'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifySession from '@fastify/session'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyServerOptions } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { modules } from './modules/index.ts'
import { auditRefusals } from './platform/audit.ts'
import type { AppDeps } from './platform/deps.ts'
import { handleError, problem } from './platform/errors.ts'
import { loggablePath } from './platform/log-path.ts'
import { DbSessionStore } from './platform/session-store.ts'

// Zod's own messages in Japanese for the rare field without a message of ours.
z.config(z.locales.ja())

export const SESSION_COOKIE = 'yorisoi_session'
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
    bodyLimit: 1_048_576,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  auditRefusals(app, db, clock)

  await app.register(fastifyHelmet, {
    // Everything is served by the product itself (city networks are closed). No
    // upgrade-insecure-requests: intranet deployments may run on plain http.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
      },
    },
    // HSTS belongs to the https proxy; on a plain-http intranet it would lock users out.
    strictTransportSecurity: false,
  })
  await app.register(fastifyCookie)
  await app.register(fastifySession, {
    secret: config.sessionSecret,
    cookieName: SESSION_COOKIE,
    // The server ends idle sessions itself (authenticate checks lastSeen); the cookie and the
    // stored row live an hour longer so that the user can be told why they were logged out.
    store: new DbSessionStore(db, clock, (config.idleMinutes + 60) * 60_000),
    saveUninitialized: false,
    rolling: true,
    // 'auto': Secure whenever the request came over https (directly or via a trusted proxy).
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto',
      path: '/',
      maxAge: (config.idleMinutes + 60) * 60_000,
    },
  })
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/session',
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  })
  // Login's limiters (modules/auth/login-limits.ts) share this in-memory store; room for many keys,
  // so a flood of made-up login IDs cannot push an address's failure count out of it.
  await app.register(fastifyRateLimit, { global: false, cache: 100_000 })

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Yorisoi API',
        description: 'Community hikikomori support (ひきこもり地域支援). Errors are RFC 9457 problem JSON.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, validatorUrl: false })

  for (const register of modules) register(app, options)

  const webRoot = options.webRoot ?? builtWebRoot
  if (options.serveWeb && existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] })
  }
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other GET that is not the API gets its page. Paths
    // with a file extension are assets, and a missing one is a 404: a stale script tag must
    // not receive HTML.
    const path = request.url.split('?')[0]!
    const isPage = !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path)
    if (options.serveWeb && request.method === 'GET' && isPage && existsSync(webRoot)) {
      return reply.sendFile('index.html')
    }
    return reply
      .status(404)
      .type('application/problem+json')
      .send(problem('not_found', 'このURLは存在しません'))
  })

  return app
}
