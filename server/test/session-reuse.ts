import { vi } from 'vitest'
import { SESSION_REUSE_MS } from '#server/platform/session-cache.ts'

const realNow = performance.now.bind(performance)
let shift = 0

/**
 * Lets the session cache's reuse time pass (session-cache.ts) without waiting for it: the
 * performance clock, which the cache reads, runs that much ahead from now on in this test file.
 */
export function afterSessionReuse(): void {
  shift += SESSION_REUSE_MS
  vi.spyOn(performance, 'now').mockImplementation(() => realNow() + shift)
}
