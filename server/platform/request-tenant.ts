import type { FastifyInstance } from 'fastify'
import { enterRequestScope } from '#server/db/tenant-scope.ts'

/**
 * Every request runs in a tenant scope (server/db/tenant-scope.ts): the city of its stored
 * session — signed in, or waiting for the second login step — or no city at all. Registered
 * after the session plugin, whose own hook has loaded the session by then. The stored session
 * is the server's own record, so its city can be trusted before `authenticate` checks the rest.
 */
export function registerRequestTenant(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const session = request.session
    enterRequestScope(session?.tenantId ?? session?.pending?.tenantId, done)
  })
}
