import { describe, expect, it } from 'vitest'
import { SESSION_REUSE_MS, SessionCache } from './session-cache.ts'

/** A cache on a clock the test moves, and a read that counts its calls and answers when told. */
function setUp() {
  const clock = { now: 1_000 }
  const cache = new SessionCache<string>(() => clock.now)
  const reads: { sid: string; answer(value: string): void; fail(error: Error): void }[] = []
  const read = (sid: string) => () =>
    new Promise<string>((resolve, reject) => reads.push({ sid, answer: resolve, fail: reject }))
  return { clock, cache, reads, read }
}

describe('the session cache (session-cache.ts)', () => {
  it('serves a session read once to its later requests for the reuse time, then reads it again', async () => {
    const { clock, cache, reads, read } = setUp()
    const first = cache.get('s1', read('s1'))
    reads[0]!.answer('v1')
    expect(await first).toBe('v1')
    clock.now += SESSION_REUSE_MS - 1
    expect(await cache.get('s1', read('s1'))).toBe('v1')
    expect(reads).toHaveLength(1)
    clock.now += 1
    const again = cache.get('s1', read('s1'))
    expect(reads).toHaveLength(2)
    reads[1]!.answer('v2')
    expect(await again).toBe('v2')
  })

  it('shares one read among the requests that ask while it is under way, and keeps sessions apart', async () => {
    const { cache, reads, read } = setUp()
    const asked = Array.from({ length: 20 }, (_, i) =>
      cache.get(i % 2 ? 'odd' : 'even', read(i % 2 ? 'odd' : 'even')),
    )
    expect(reads.map((r) => r.sid)).toEqual(['even', 'odd'])
    reads[0]!.answer('E')
    reads[1]!.answer('O')
    expect(new Set(await Promise.all(asked))).toEqual(new Set(['E', 'O']))
    expect((await Promise.all(asked)).filter((v) => v === 'E')).toHaveLength(10)
  })

  it('forgets everything at a change, and does not keep a read that was under way then', async () => {
    const { cache, reads, read } = setUp()
    const kept = cache.get('a', read('a'))
    reads[0]!.answer('old a')
    await kept
    const under = cache.get('b', read('b'))
    cache.forget()
    // A request after the change does not join the read begun before it.
    const after = cache.get('b', read('b'))
    expect(reads.map((r) => r.sid)).toEqual(['a', 'b', 'b'])
    reads[1]!.answer('old b')
    reads[2]!.answer('new b')
    expect(await under).toBe('old b')
    expect(await after).toBe('new b')
    // 'a' was forgotten; 'b' is the read begun after the change.
    const a = cache.get('a', read('a'))
    reads[3]!.answer('new a')
    expect(await a).toBe('new a')
    expect(await cache.get('b', read('b'))).toBe('new b')
    expect(reads).toHaveLength(4)
  })

  it('keeps no failed read: the next request reads again', async () => {
    const { cache, reads, read } = setUp()
    const failed = cache.get('s', read('s'))
    reads[0]!.fail(new Error('connection lost'))
    await expect(failed).rejects.toThrow('connection lost')
    const next = cache.get('s', read('s'))
    expect(reads).toHaveLength(2)
    reads[1]!.answer('v')
    expect(await next).toBe('v')
  })

  it('holds at most 10,000 sessions: the expired go first, and all if none has expired', async () => {
    const { clock, cache, reads, read } = setUp()
    const fill = async (sids: string[]) => {
      const all = sids.map((sid) => cache.get(sid, read(sid)))
      for (const r of reads.splice(0)) r.answer(r.sid)
      await Promise.all(all)
    }
    const named = (prefix: string) => Array.from({ length: 5_000 }, (_, i) => `${prefix}${i}`)
    await fill(named('a'))
    clock.now += SESSION_REUSE_MS / 2
    await fill(named('b'))
    clock.now += SESSION_REUSE_MS / 2
    // Full, with the a's expired: they go, the b's stay.
    await fill(['new'])
    const served = (sid: string) => {
      void cache.get(sid, read(sid))
      return reads.splice(0).length === 0
    }
    expect(served('b0')).toBe(true)
    expect(served('new')).toBe(true)
    // Full again, nothing expired: everything goes.
    await fill(named('c').slice(0, 4_999))
    await fill(['last'])
    expect(served('b1')).toBe(false)
    expect(served('last')).toBe(true)
  })
})
