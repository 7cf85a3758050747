import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
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
    // Schemas with an id (`.meta({ id })` in shared/contracts: the problem JSON, the records many
    // endpoints return) become components, referenced with $ref instead of copied into each route.
    transformObject: (document) => withoutUnusedComponents(jsonSchemaTransformObject(document)),
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

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>
const REF = /"#\/components\/schemas\/([^"]+)"/g

/**
 * Only the components some route reaches: the transform adds an input and an output version of
 * every schema with an id, and most are only ever one of the two.
 */
function withoutUnusedComponents(transformed: OpenApiDocument): OpenApiDocument {
  // The OpenAPI 3 shape (fastify-swagger's type also allows Swagger 2, which has no components).
  const document = transformed as { paths?: unknown; components?: { schemas?: Record<string, unknown> } }
  const schemas = document.components?.schemas ?? {}
  const used = new Set<string>()
  const queue = [...JSON.stringify(document.paths ?? {}).matchAll(REF)].map((m) => m[1]!)
  while (queue.length > 0) {
    const id = queue.pop()!
    if (used.has(id)) continue
    used.add(id)
    for (const m of JSON.stringify(schemas[id] ?? {}).matchAll(REF)) queue.push(m[1]!)
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([id]) => used.has(id)))
  return { ...transformed, components: { ...document.components, schemas: kept } } as OpenApiDocument
}
