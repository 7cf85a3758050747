import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'
import { forbidden } from './errors.ts'

/**
 * The OpenAPI description (openapi.json is generated from it) and its viewer under /api/docs.
 * The viewer and the JSON/YAML are for signed-in administrators only, unless the deployment
 * opens them (YORISOI_PUBLIC_API_DOCS=true): they map every endpoint of a system holding
 * sensitive personal data.
 */
export async function registerApiDocs(app: FastifyInstance, publicDocs: boolean) {
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
  await app.register(async (scope) => {
    // A hook on this scope covers every route the viewer adds, its static files included.
    if (!publicDocs) {
      scope.addHook('onRequest', async (request, reply) => {
        await scope.authenticate(request, reply)
        if (request.actor?.role !== 'admin') throw forbidden('APIの説明は管理者だけが閲覧できます')
      })
    }
    await scope.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, validatorUrl: false })
  })
}
