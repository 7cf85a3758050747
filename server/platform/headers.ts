import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import helmet from 'helmet'

/** One year: browsers then refuse plain http for this host until it passes. */
const HSTS = 'max-age=31536000'

/**
 * Helmet's headers, worked out once. They depend on nothing in the request, and building
 * helmet's middleware for every request (as @fastify/helmet did: the CSP's directives parsed
 * again each time) cost ~2% of the server's time on case detail.
 */
function helmetHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value)
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()]
    },
  }
  const middleware = helmet({
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
    // The same as frame-ancestors 'none', for browsers that only know the older header.
    frameguard: { action: 'deny' },
    // Sent below, and only over https: on a plain-http intranet HSTS would lock users out.
    strictTransportSecurity: false,
  })
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error
  })
  return Object.freeze(headers)
}

const SECURITY_HEADERS = helmetHeaders()

/**
 * Response headers every answer carries: the CSP and its companions (helmet), HSTS when the
 * request came over https, and Cache-Control: no-store on the whole API — its answers carry
 * personal data (cases, contacts, reports), which no browser cache or shared proxy may keep.
 */
export async function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS)
    done()
  })
  app.addHook('onSend', async (request, reply) => {
    // request.protocol honours X-Forwarded-Proto only from a trusted proxy.
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS)
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store')
    }
  })
}
