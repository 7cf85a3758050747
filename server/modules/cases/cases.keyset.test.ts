import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { cases } from '#server/db/schema/index.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { countCases, ESTIMATE_REUSE_MS } from './list-count.ts'
import { decodeCursor, encodeCursor } from './list-cursor.ts'
import { addContact, openCase } from './test-support.ts'

// The app's own role, so that row-level security applies on PostgreSQL as in production.
let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
})
afterAll(() => ctx.close())

interface ListBody {
  items: { id: string; caseNo: string }[]
  total: number
  totalIsEstimate: boolean
  nextCursor: string | null
}

const enc = encodeURIComponent

/** Every page of a list through nextCursor, two cases a page. */
async function walk(s: Session, query: string): Promise<{ nos: string[]; pages: number }> {
  const nos: string[] = []
  let after: string | null = null
  let pages = 0
  do {
    const res = await s.get(`/api/cases?${query}&pageSize=2${after ? `&after=${enc(after)}` : ''}`)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json() as ListBody
    nos.push(...body.items.map((c) => c.caseNo))
    after = body.nextCursor
    pages += 1
    expect(pages).toBeLessThan(20)
  } while (after)
  return { nos, pages }
}

async function allAtOnce(s: Session, query: string): Promise<string[]> {
  const body = (await s.get(`/api/cases?${query}&pageSize=200`)).json() as ListBody
  expect(body.nextCursor).toBeNull()
  return body.items.map((c) => c.caseNo)
}

describe('the case list’s keyset pagination (after, nextCursor)', () => {
  let city: TestCity
  let window: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
    // Ties in every sort key: three cases a day, three without kana, urgencies repeated, and
    // contacts on the same day for some (the others have none: missing values go last).
    const plan = [
      { openedOn: '2026-10-01', kana: 'あおき', urgency: 'normal' },
      { openedOn: '2026-10-01', kana: 'あおき', urgency: 'urgent' },
      { openedOn: '2026-10-01', kana: null, urgency: 'normal' },
      { openedOn: '2026-10-05', kana: 'いとう', urgency: 'early' },
      { openedOn: '2026-10-05', kana: null, urgency: 'normal' },
      { openedOn: '2026-10-05', kana: 'あおき', urgency: 'urgent' },
      { openedOn: '2026-11-01', kana: null, urgency: 'early' },
      { openedOn: '2026-11-01', kana: 'うえだ', urgency: 'normal' },
      { openedOn: '2026-11-01', kana: 'いとう', urgency: 'normal' },
    ]
    const opened = []
    for (const p of plan) opened.push(await openCase(window, p))
    for (const i of [0, 3, 4]) await addContact(window, opened[i]!.id, { contactedOn: '2026-11-20' })
    await addContact(window, opened[7]!.id, { contactedOn: '2026-11-21' })
  })

  const ORDERS = [
    '',
    'sort=openedOn&order=desc',
    'sort=openedOn&order=asc',
    'sort=kana&order=asc',
    'sort=kana&order=desc',
    'sort=urgency&order=desc',
    'sort=urgency&order=asc',
    'sort=lastContactOn&order=desc',
    'sort=lastContactOn&order=asc',
    'sort=caseNo&order=asc',
    'sort=caseNo&order=desc',
  ]
  for (const query of ORDERS) {
    it(`walks every case once, in the list's order, by cursor (${query || 'default'})`, async () => {
      const whole = await allAtOnce(window, query)
      expect(whole).toHaveLength(9)
      const { nos, pages } = await walk(window, query)
      expect(nos).toEqual(whole)
      expect(pages).toBe(5)
      // The page-number pages give the same rows.
      const p2 = (await window.get(`/api/cases?${query}&pageSize=2&page=2`)).json() as ListBody
      expect(p2.items.map((c) => c.caseNo)).toEqual(whole.slice(2, 4))
    })
  }

  it('walks the cases of a filter only, with the total counted exactly', async () => {
    const query = 'sort=kana&order=asc&urgency=normal'
    const first = (await window.get(`/api/cases?${query}&pageSize=2`)).json() as ListBody
    expect(first).toMatchObject({ total: 5, totalIsEstimate: false })
    expect((await walk(window, query)).nos).toEqual(await allAtOnce(window, query))
  })

  it('refuses a cursor of another sort or order, a broken one, and one with a search, writing nothing', async () => {
    const first = (await window.get('/api/cases?sort=kana&order=asc&pageSize=2')).json() as ListBody
    const cursor = first.nextCursor!
    for (const url of [
      `/api/cases?sort=kana&order=desc&after=${enc(cursor)}`,
      `/api/cases?sort=openedOn&order=asc&after=${enc(cursor)}`,
      '/api/cases?after=not-a-cursor',
      `/api/cases?after=${enc(Buffer.from('["openedOn","desc","x","y","z"]').toString('base64url'))}`,
      `/api/cases?after=${enc(Buffer.from('\u0000\uD800').toString('base64url'))}`,
      `/api/cases?sort=kana&order=asc&q=${enc('あおき')}&after=${enc(cursor)}`,
    ]) {
      const res = await window.get(url)
      expect(res.statusCode, url).toBe(400)
      expect(res.json().type).toBe('urn:yorisoi:problem:validation')
    }
  })

  it('shows a city nothing of another city’s cases through a cursor made from them', async () => {
    const other = await ctx.newCity()
    const theirs = await other.as('window_counsellor')
    const mine = (await allAtOnce(window, 'sort=caseNo&order=asc'))[0]!
    const [row] = await ctx.db
      .select({ id: cases.id, caseNo: cases.caseNo })
      .from(cases)
      .where(and(eq(cases.tenantId, city.tenantId), eq(cases.caseNo, mine)))
    const forged = encodeCursor({
      sort: 'caseNo',
      order: 'asc',
      value: row!.caseNo,
      caseNo: row!.caseNo,
      id: row!.id,
    })
    const res = await theirs.get(`/api/cases?sort=caseNo&order=asc&after=${enc(forged)}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ items: [], total: 0, nextCursor: null })
    // A cursor before everything (made from A's case id): B's list goes on with B's cases only.
    const own = await openCase(theirs, { openedOn: '2026-11-02' })
    const fromStart = encodeCursor({ sort: 'caseNo', order: 'asc', value: '', caseNo: '', id: row!.id })
    const again = (
      await theirs.get(`/api/cases?sort=caseNo&order=asc&after=${enc(fromStart)}`)
    ).json() as ListBody
    expect(again.items.map((c) => c.id)).toEqual([own.id])
  })

  it('decodes what it encodes, and only for the same sort and order', () => {
    const c = { sort: 'kana', order: 'asc' as const, value: 'あおき', caseNo: 'C-1', id: crypto.randomUUID() }
    expect(decodeCursor(encodeCursor(c), 'kana', 'asc')).toEqual(c)
    expect(() => decodeCursor(encodeCursor(c), 'kana', 'desc')).toThrow()
    expect(() => decodeCursor(encodeCursor({ ...c, value: null }), 'kana', 'desc')).toThrow()
  })
})

describe('the case list’s count', () => {
  it('counts exactly up to the threshold, and past it gives the planner’s estimate, never below the count', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    for (const openedOn of ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04'])
      await openCase(s, { openedOn })
    const where = eq(cases.tenantId, city.tenantId)
    await ctx.db.execute(sql`analyze cases`)
    expect(await countCases(ctx.db, where, 10)).toEqual({ total: 4, estimated: false })
    expect(await countCases(ctx.db, where, 4)).toEqual({ total: 4, estimated: false })
    const past = await countCases(ctx.db, where, 3)
    expect(past.estimated).toBe(true)
    expect(past.total).toBeGreaterThanOrEqual(4)
  })

  it('gives an estimate again for the same condition for a while, and counts exactly every time under the threshold', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    for (let i = 0; i < 5; i++) await openCase(s, { openedOn: '2026-10-01' })
    const where = eq(cases.tenantId, city.tenantId)
    // A handle of its own (estimates are kept per handle) that counts the statements it sends.
    let sent = 0
    const db = new Proxy(ctx.db, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver)
        if (name !== 'execute') return value
        return (...args: unknown[]) => {
          sent += 1
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      },
    })
    const sentFor = async (run: () => Promise<unknown>) => {
      const before = sent
      await run()
      return sent - before
    }
    // Past the threshold: counted and estimated (two statements), then given again unsent.
    const first = await countCases(db, where, 3)
    expect(first.estimated).toBe(true)
    expect(await sentFor(async () => expect(await countCases(db, where, 3)).toEqual(first))).toBe(0)
    // Another condition is counted for itself.
    expect(await sentFor(() => countCases(db, and(where, eq(cases.intakeUnit, 'window')), 3))).toBe(2)
    // Under the threshold every call counts, and sees a case added just before.
    expect(await countCases(db, where, 100)).toEqual({ total: 5, estimated: false })
    await openCase(s, { openedOn: '2026-10-02' })
    expect(await countCases(db, where, 100)).toEqual({ total: 6, estimated: false })
    // Once the reuse time has passed, the estimate is made again.
    const clock = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + ESTIMATE_REUSE_MS + 1)
    try {
      expect(await sentFor(() => countCases(db, where, 3))).toBe(2)
    } finally {
      clock.mockRestore()
    }
  })

  it('says so in the list (totalIsEstimate false under the threshold)', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    await openCase(s)
    expect((await s.get('/api/cases')).json()).toMatchObject({
      total: 1,
      totalIsEstimate: false,
      nextCursor: null,
    })
  })
})
