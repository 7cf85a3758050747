import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '#server/db/client.ts'
import { forgetAllSessions } from './session-cache.ts'
import { DbSessionStore, type SessionLookup } from './session-store.ts'

afterEach(forgetAllSessions)

const stored = {
  cookie: { originalMaxAge: null, expires: '2026-12-07T10:00:00.000Z', httpOnly: true, path: '/' },
  tenantId: 'c1',
  accountId: '0b6f2a52-8f8e-4a55-9d4e-6f1f3f0c1c11',
  lastSeen: 1_700_000_000_000,
  csrf: { token: '全角Ａ\u200b"\\{}' },
}

/** A store whose reads answer `row` (the database is not asked). */
function storeReading(row: Awaited<ReturnType<SessionLookup>>) {
  let reads = 0
  const lookup: SessionLookup = async () => {
    reads++
    return row
  }
  const store = new DbSessionStore(
    {} as Db,
    { now: () => new Date('2026-12-07T09:00:00Z') },
    30 * 60_000,
    lookup,
  )
  const get = (sid: string) =>
    new Promise<unknown>((resolve, reject) =>
      store.get(sid, (error, session) => (error ? reject(error) : resolve(session))),
    )
  return { get, reads: () => reads }
}

describe('the session store (session-store.ts)', () => {
  it('gives each request its own copy of a session read once: one request changing it changes no other', async () => {
    const row = {
      data: structuredClone(stored),
      expiresAt: new Date('2026-12-07T09:30:00Z'),
      loadedWith: { a: 1 },
    }
    const { get, reads } = storeReading(row)
    const first = (await get('sid-copy')) as typeof stored & { loadedWith: unknown }
    const second = (await get('sid-copy')) as typeof stored
    expect(reads()).toBe(1)
    expect(first).toMatchObject(stored)
    expect(second).toMatchObject(stored)
    expect(first).not.toBe(second)
    first.lastSeen += 60_000
    first.csrf.token = 'changed'
    ;(first.cookie as { expires: string }).expires = 'changed'
    expect(second).toMatchObject(stored)
    expect(await get('sid-copy')).toMatchObject(stored)
    expect(row.data).toEqual(stored)
  })

  it('answers no session for an expired row or none', async () => {
    expect(await storeReading(undefined).get('sid-none')).toBeNull()
    const expired = { data: stored, expiresAt: new Date('2026-12-07T08:59:59Z') }
    expect(await storeReading(expired).get('sid-expired')).toBeNull()
  })
})
