import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { reportSchema } from '#shared/contracts/reports.ts'
import { runReport } from './report.cli.ts'
import { reportForOperator } from './reports.service.ts'
import { recordsFor } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

describe('the operator’s report', () => {
  it('is audited as the command line (no account)', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    await r.addCase({ ageBand: '40plus', ward: 'kita' })
    const report = await reportForOperator(
      ctx.db,
      ctx.clock,
      city.tenantId,
      { from: '2020-09-01', to: '2021-08-31', ward: 'kita' },
      'xlsx',
    )
    expect(report.consultations.byAgeBand.current['40plus']).toBe(1)
    const [row] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'report.view')))
    expect(row).toMatchObject({ actorId: null, actorLogin: 'cli', clientAddress: 'cli' })
    expect(row!.detail).toEqual({
      from: '2020-09-01',
      to: '2021-08-31',
      ward: 'kita',
      flag8050: false,
      format: 'xlsx',
    })
  })

  it('runs its sections in turn on the transaction’s one connection (no query started over another)', async () => {
    const city = await ctx.newCity()
    await recordsFor(ctx.db, city.tenantId).addCase({ ageBand: '40plus', ward: 'kita' })
    // On PostgreSQL, count the queries a client is asked to start while it still runs one: node-postgres
    // deprecates that (pg 9 refuses it). On PGlite there is no pg client and the report simply runs.
    const original = pg.Client.prototype.query
    const running = new WeakMap<object, number>()
    let overlapping = 0
    let started = 0
    pg.Client.prototype.query = function (this: object, ...args: unknown[]) {
      started++
      const now = running.get(this) ?? 0
      if (now > 0) overlapping++
      running.set(this, now + 1)
      const done = () => running.set(this, (running.get(this) ?? 1) - 1)
      const result = (original as (...a: unknown[]) => unknown).apply(this, args)
      if (result instanceof Promise) result.then(done, done)
      else done()
      return result
    } as typeof original
    try {
      const report = await reportForOperator(
        ctx.db,
        ctx.clock,
        city.tenantId,
        { from: '2020-09-01', to: '2021-08-31' },
        'json',
      )
      expect(report.consultations.byAgeBand.current['40plus']).toBe(1)
    } finally {
      pg.Client.prototype.query = original
    }
    expect(overlapping).toBe(0)
    if (process.env.YORISOI_TEST_DB === 'postgres') expect(started).toBeGreaterThan(9)
  })

  it('`report` on a new store migrates it, creates the city and prints zeros', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-report-'))
    const saved = { ...process.env }
    Object.assign(process.env, { YORISOI_DATA_DIR: dir, DATABASE_URL: '', YORISOI_CITY: 'testcity' })
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const out = join(dir, 'report.json')
    try {
      await runReport(['--from', '2021/4/1', '--to', '2021-05-31', '--format', 'json', '--out', out])
      const report = reportSchema.parse(JSON.parse(readFileSync(out, 'utf8')))
      expect(report.period).toEqual({ from: '2021-04-01', to: '2021-05-31', ward: null })
      expect(report.consultations.total).toBe(0)
      expect(report.consultations.monthlyNewCases).toEqual([
        { month: '2021-04', count: 0 },
        { month: '2021-05', count: 0 },
      ])
      await runReport(['--from', '2021-05-31', '--to', '2021-04-01'])
      expect(process.exitCode).toBe(2)
      expect(errors.mock.calls.flat().join('\n')).toContain(
        '--to: 終了日は開始日以降の日付を入力してください',
      )
    } finally {
      process.exitCode = undefined
      errors.mockRestore()
      process.env = saved
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
