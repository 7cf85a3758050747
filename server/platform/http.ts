import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import type { Contract } from '#shared/contracts/define.ts'
import { problemSchema } from '#shared/contracts/define.ts'
import type { Actor } from './actor.ts'

type Out<T> = [NonNullable<T>] extends [z.ZodType] ? z.output<NonNullable<T>> : undefined

export interface RouteInput<C extends Contract> {
  params: Out<C['params']>
  query: Out<C['query']>
  body: Out<C['body']>
  request: FastifyRequest
  reply: FastifyReply
}

export interface SignedInRouteInput<C extends Contract> extends RouteInput<C> {
  actor: Actor
}

type Handler<C extends Contract, I> = (input: I) => Promise<z.output<C['response']>>

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor
  }
  interface FastifyInstance {
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>
  }
}

export interface RouteOptions {
  /** Requests per client address and window, for endpoints worth guessing at (login). */
  rateLimit?: { max: number; timeWindow: string }
  /** A body limit above the app's JSON limit (uploads), and the 413 detail that names it. */
  bodyLimit?: { bytes: number; tooLarge: string }
}

const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

function register<C extends Contract>(
  app: FastifyInstance,
  contract: C,
  signedIn: boolean,
  handler: (input: RouteInput<C> & { actor?: Actor }) => Promise<unknown>,
  options: RouteOptions = {},
) {
  const status = contract.status ?? 200
  const onRequest = MUTATING.has(contract.method) ? [app.csrfProtection] : []
  app.withTypeProvider<ZodTypeProvider>().route({
    method: contract.method,
    url: contract.path,
    schema: {
      summary: contract.summary,
      tags: contract.tags,
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: {
        ...(status === 204 ? {} : { [status]: contract.response }),
        400: problemSchema,
        401: problemSchema,
        403: problemSchema,
        404: problemSchema,
        409: problemSchema,
      },
    },
    onRequest,
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit.bytes } : {}),
    config: {
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.bodyLimit ? { tooLarge: options.bodyLimit.tooLarge } : {}),
    },
    preHandler: signedIn ? [app.authenticate] : [],
    handler: async (request, typedReply) => {
      const reply = typedReply as FastifyReply
      const result = await handler({
        params: request.params as never,
        query: request.query as never,
        body: request.body as never,
        request,
        reply,
        actor: request.actor,
      })
      if (status === 204) return reply.status(204).send()
      return reply.status(status).send(result as never)
    },
  })
}

/** Registers an endpoint that anyone may call (login, one-time links). */
export function publicRoute<C extends Contract>(
  app: FastifyInstance,
  contract: C,
  handler: Handler<C, RouteInput<C>>,
  options?: RouteOptions,
) {
  register(app, contract, false, handler, options)
}

/** Registers an endpoint for signed-in staff; the service still decides what the actor may do. */
export function route<C extends Contract>(
  app: FastifyInstance,
  contract: C,
  handler: Handler<C, SignedInRouteInput<C>>,
  options?: RouteOptions,
) {
  register(app, contract, true, (input) => handler({ ...input, actor: input.actor! }), options)
}
