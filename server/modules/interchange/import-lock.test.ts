// Issue 8: while a city's ledger is imported, its users cannot change its records (the import
// checked the ledger against the city as it was), and while the rows are moved (on the embedded
// store, many short transactions) they are not shown a half-imported city either. Either way the
// answer is a problem JSON (409) that says why in Japanese, never a database error.
import { setImmediate } from 'node:timers/promises'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cases } from '#server/db/schema/index.ts'
import { IMPORT_CHECKING, IMPORT_MOVING, importPhase, lockForImport } from '#server/platform/import-lock.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { baseLedger, importDir, tempDir, writeCsv } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function storedCase(tenantId: string, caseNo: string) {
  const [row] = await ctx.db
    .select()
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.caseNo, caseNo)))
  return row!
}

describe("a city's import lock", () => {
  it('refuses its writes while the ledger is checked, and every request while the rows are moved', async () => {
    const city = await ctx.newCity()
    const other = await ctx.newCity()
    expect((await importDir(ctx.db, city.tenantId, [baseLedger(tempDir())])).errors).toEqual([])
    const window = await city.as('window_counsellor')
    const elsewhere = await other.as('window_counsellor')
    const stored = await storedCase(city.tenantId, '2021-00001')
    const edit = () => window.patch(`/api/cases/${stored.id}`, { version: stored.version, urgency: 'early' })
    const lock = lockForImport(city.tenantId)
    try {
      const refused = await edit()
      expect(refused.statusCode).toBe(409)
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(refused.json()).toMatchObject({ status: 409, detail: IMPORT_CHECKING })
      expect((await window.get(`/api/cases/${stored.id}`)).statusCode).toBe(200)
      // A second import of the same city at the same time.
      expect(() => lockForImport(city.tenantId)).toThrow(IMPORT_CHECKING)
      lock.moving()
      const moving = await window.get(`/api/cases/${stored.id}`)
      expect(moving.statusCode).toBe(409)
      expect(moving.json()).toMatchObject({ detail: IMPORT_MOVING })
      expect((await elsewhere.get('/api/cases')).statusCode).toBe(200)
      expect((await window.post('/api/auth/logout')).statusCode).toBe(204)
    } finally {
      lock.release()
    }
    const again = await city.as('window_counsellor')
    const done = await again.patch(`/api/cases/${stored.id}`, { version: stored.version, urgency: 'early' })
    expect(done.statusCode, done.body).toBe(200)
  })

  it('of eight imports of one city started together, one runs and seven are refused in Japanese', async () => {
    const city = await ctx.newCity()
    const ledger = baseLedger(tempDir())
    const started = await Promise.allSettled(
      Array.from({ length: 8 }, () => importDir(ctx.db, city.tenantId, [ledger])),
    )
    const ran = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
    const refused = started.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []))
    expect(ran).toHaveLength(1)
    expect(ran[0]!.errors).toEqual([])
    expect(refused.map((e) => e.message)).toEqual(Array(7).fill(IMPORT_CHECKING))
    const stored = await ctx.db.select().from(cases).where(eq(cases.tenantId, city.tenantId))
    expect(stored).toHaveLength(ran[0]!.counts.cases!.added)
    expect(importPhase(city.tenantId)).toBeUndefined()
  })

  it('an edit of a case being imported is refused with a problem in Japanese, and the import wins', async () => {
    const city = await ctx.newCity()
    expect((await importDir(ctx.db, city.tenantId, [baseLedger(tempDir())])).errors).toEqual([])
    const stored = await storedCase(city.tenantId, '2021-00001')
    const window = await city.as('window_counsellor')
    const dir = tempDir()
    writeCsv(dir, 'cases', [
      ['case_id', 'opened_on', 'intake_unit', 'first_consulter', 'urgency'],
      ['2021-00001', '2021-04-05', 'window', 'self', 'urgent'],
      ...Array.from({ length: 1500 }, (_, i) => [
        `2022-${String(i + 1).padStart(5, '0')}`,
        '2022-04-05',
        'window',
        'self',
        '',
      ]),
    ])
    const answers: { status: number; detail?: string }[] = []
    const importing = importDir(ctx.db, city.tenantId, [dir])
    // The counsellor edits the case again and again while the import holds the city's lock
    // (every such request is sent after the lock is taken, and before it is let go).
    while (!importPhase(city.tenantId)) await setImmediate()
    while (importPhase(city.tenantId)) {
      const res = await window.patch(`/api/cases/${stored.id}`, { version: stored.version, urgency: 'early' })
      answers.push({ status: res.statusCode, detail: res.json().detail })
    }
    expect((await importing).errors).toEqual([])
    // Refused by the lock; the last may have come just after the import ended, and is refused as
    // an edit of a version the import replaced. Never a database error.
    expect(
      answers.filter((a) => a.detail === IMPORT_CHECKING || a.detail === IMPORT_MOVING).length,
    ).toBeGreaterThan(0)
    for (const answer of answers.slice(0, -1)) {
      expect(answer.status).toBe(409)
      expect([IMPORT_CHECKING, IMPORT_MOVING]).toContain(answer.detail)
    }
    expect(answers.at(-1)).toMatchObject({ status: 409, detail: expect.stringMatching(/[ぁ-ん]/) })
    expect((await storedCase(city.tenantId, '2021-00001')).urgency).toBe('urgent')
  }, 120_000)
})
