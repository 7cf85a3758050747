import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'

/** Vite names built assets by their content's hash: a changed file is a new URL. */
const HASHED_ASSET = /\/assets\/[^/]+$/
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Pages and unhashed files (favicon.svg): kept, but asked again (a 304 when unchanged). */
const REVALIDATE = 'no-cache'

/** The Cache-Control for a built file, by the path it is sent from (a .br or .gz copy too). */
export function cacheControlFor(path: string): string {
  return HASHED_ASSET.test(path.replaceAll('\\', '/').replace(/\.(br|gz)$/, '')) ? IMMUTABLE : REVALIDATE
}

/**
 * The built web app (dist/web): each file as its brotli or gzip copy when the browser takes one
 * (written at build time by scripts/precompress.ts, so no request is compressed on the fly),
 * hashed assets cached for a year, pages revalidated. Returns the page for a client route:
 * login.html for /login (React and the form alone, see web/src/login-main.tsx), index.html else.
 */
export async function registerWebFiles(app: FastifyInstance, webRoot: string) {
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // The copies are reached through their file's URL, not URLs of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', cacheControlFor(path))
    },
  })
  const hasLoginPage = existsSync(join(webRoot, 'login.html'))
  return (path: string, reply: FastifyReply) =>
    reply.sendFile(path === '/login' && hasLoginPage ? 'login.html' : 'index.html')
}
