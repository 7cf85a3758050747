// In the browser build `zod` resolves to this module (vite.config.ts). The web app reads its
// contracts' methods, paths and plain constants and never validates with their schemas (the
// server does), so zod itself (88 kB, 26 kB gzip, in every page's first load) would be built in
// only to construct schemas nobody uses. Here every schema is one inert stand-in: any property
// or call gives it back, so the contracts load as they are; a validation throws, so code that
// starts validating in the browser fails at once (zod-stand-in.test.ts loads every contract).

const VALIDATIONS = new Set([
  'parse',
  'safeParse',
  'parseAsync',
  'safeParseAsync',
  'spa',
  'encode',
  'decode',
  'safeEncode',
  'safeDecode',
])

const handler: ProxyHandler<() => void> = {
  get(_target, key) {
    // Not a promise, nor a list to spread or iterate: a schema is none of these.
    if (key === 'then' || typeof key === 'symbol') return undefined
    if (VALIDATIONS.has(key)) {
      return () => {
        throw new Error(`zod's ${key} is not in the web build: the server validates (see vite.config.ts)`)
      }
    }
    return standIn
  },
  apply: () => standIn,
}

const standIn: unknown = new Proxy(() => undefined, handler)

export const z = standIn
export default standIn
