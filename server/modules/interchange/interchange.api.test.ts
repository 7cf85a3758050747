import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, cases } from '#server/db/schema/index.ts'
import { createTestContext, type Session, type TestContext } from '#server/test/harness.ts'
import { csvText } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const ledger = csvText([
  ['ケース番号', '受付日', '受付機関', '相談者', '氏名'],
  ['A-1', 'R3.8.31', 'window', '本人', '山田 太郎'],
])

const upload = (s: Session, dryRun: boolean, body: string | Buffer = ledger) =>
  s.request({
    method: 'POST',
    url: `/api/imports?dryRun=${dryRun}&name=cases.csv`,
    headers: { 'content-type': 'text/csv' },
    payload: body,
  })

describe('ledger import and export over HTTP', () => {
  it('a dry run shows the counts, the confirmed import writes, errors come back as a list', async () => {
    const city = await ctx.newCity()
    const hq = await city.as('headquarters')
    const dry = await upload(hq, true)
    expect(dry.statusCode, dry.body).toBe(200)
    expect(dry.json()).toMatchObject({ ok: true, dryRun: true, counts: { cases: { added: 1, updated: 0 } } })
    expect(await ctx.db.select().from(cases).where(eq(cases.tenantId, city.tenantId))).toHaveLength(0)
    const done = await upload(hq, false)
    expect(done.json()).toMatchObject({
      ok: true,
      dryRun: false,
      counts: { cases: { added: 1, updated: 0 } },
    })
    expect(await ctx.db.select().from(cases).where(eq(cases.tenantId, city.tenantId))).toHaveLength(1)
    const bad = await upload(
      hq,
      false,
      csvText([
        ['case_id', 'opened_on', 'intake_unit', 'first_consulter'],
        ['A-2', '2021-02-30', 'window', 'self'],
      ]),
    )
    expect(bad.statusCode).toBe(200)
    expect(bad.json()).toMatchObject({ ok: false, errors: [{ sheet: 'cases', row: 2, column: 'opened_on' }] })
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, city.tenantId))
    expect(audit.filter((a) => a.action === 'ledger.import')).toHaveLength(3)
  })

  it('refuses a window counsellor (403) for import, export and baselines', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    expect((await upload(window, true)).statusCode).toBe(403)
    expect((await window.get('/api/exports.xlsx')).statusCode).toBe(403)
    expect((await window.get('/api/baselines')).statusCode).toBe(403)
  })

  it('exports a workbook without personal data, audited; personal data only through the CLI', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    await upload(admin, false)
    const res = await admin.get('/api/exports.xlsx')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const personal = await admin.get('/api/exports.xlsx?personal=true')
    expect(personal.statusCode).toBe(403)
    // Office staff are told whom to ask, never a shell command.
    expect(personal.json().detail).toContain('システム管理者に依頼')
    expect(personal.body).not.toMatch(/npm|yorisoi --/u)
    const hq = await city.as('headquarters')
    expect((await hq.get('/api/exports.xlsx?personal=true')).statusCode).toBe(403)
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, city.tenantId))
    const exports = audit
      .filter((a) => a.action === 'ledger.export')
      .map((a) => (a.detail as { personal: boolean }).personal)
    expect(exports).toEqual([false])
  })

  it('enters, corrects, lists and removes baseline figures with Japanese validation', async () => {
    const city = await ctx.newCity()
    const hq = await city.as('headquarters')
    const body = {
      from: '2019/4/1',
      to: '2020-03-31',
      values: { under40: 40, '40plus': 60, unknown: null, total: 100 },
    }
    const put = await hq.put(`/api/baselines/${encodeURIComponent('令和元年度')}`, body)
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json()).toEqual({
      label: '令和元年度',
      from: '2019-04-01',
      to: '2020-03-31',
      values: body.values,
    })
    const wrong = await hq.put(`/api/baselines/x`, {
      ...body,
      from: '2020-04-01',
      values: { ...body.values, total: -1 },
    })
    expect(wrong.statusCode).toBe(400)
    expect(
      wrong
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['to', 'values.total'])
    expect((await hq.get('/api/baselines')).json()).toHaveLength(1)
    const del = await hq.request({
      method: 'DELETE',
      url: `/api/baselines/${encodeURIComponent('令和元年度')}`,
    })
    expect(del.statusCode).toBe(204)
    expect((await hq.get('/api/baselines')).json()).toEqual([])
  })
})
