// The public entry point's app (`npm run public`): the residents' web consultation pages and
// nothing else. It is built apart from buildApp, not as buildApp with parts switched off, so that
// no staff route, session store or login can be reached from it even by a mistake in a flag:
// what is not registered here does not exist on this port.
import Fastify, { type FastifyServerOptions } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { enterRequestScope } from './db/tenant-scope.ts'
import type { AppDeps } from './platform/deps.ts'
import { handleError, problem } from './platform/errors.ts'
import { registerSecurityHeaders } from './platform/headers.ts'
import { type PublicSiteOptions, publicSite } from './public-site/index.ts'

export interface PublicAppOptions extends AppDeps {
  logger?: FastifyServerOptions['logger']
  /** The public pages' own options (tests lower the limits). */
  site?: PublicSiteOptions
}

export async function buildPublicApp(options: PublicAppOptions) {
  const { config } = options
  const app = Fastify({
    logger: options.logger ?? false,
    // Only the listed proxies may name the client (the per-address limits count by it).
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  await registerSecurityHeaders(app)
  // Every request starts with no city's rows (row-level security on PostgreSQL); the public
  // pages narrow it to the city in their URL. Outside a request scope the code would act as the
  // operator, for every city: that must never be the default of a port open to the internet.
  app.addHook('onRequest', (_request, _reply, done) => enterRequestScope(undefined, done))

  // `/` has no staff app here: it leads to the default city's page.
  await publicSite(app, options, { redirectRoot: true, ...options.site })

  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).type('application/problem+json').send(problem('not_found', 'このURLは存在しません')),
  )
  return app
}
