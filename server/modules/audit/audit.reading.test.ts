import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

describe('the audit log as an auditor reads it', () => {
  it('names staff and case numbers, filters by case number, and lists the logins for the staff filter', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const counsellor = await city.as('window_counsellor')
    const c = await openCase(counsellor)
    expect((await counsellor.get(`/api/cases/${c.id}`)).statusCode).toBe(200)
    expect((await counsellor.get(`/api/cases/${c.id}/contacts`)).statusCode).toBe(200)

    const byCase = (await admin.get(`/api/audit?caseNo=${encodeURIComponent(c.caseNo)}`)).json()
    const actions = byCase.items.map((i: { action: string }) => i.action)
    // The case's own rows and those whose detail names it (its contacts).
    expect(actions).toEqual(expect.arrayContaining(['case.read', 'case.create', 'contact.list']))
    for (const item of byCase.items) {
      expect(item).toMatchObject({
        caseId: c.id,
        caseNo: c.caseNo,
        actorLogin: counsellor.user.loginId,
        actorName: expect.stringMatching(/^window_counsellor/u),
      })
    }
    expect((await admin.get('/api/audit?caseNo=1999-99999')).json().total).toBe(0)

    const actors = (await admin.get('/api/audit/actors')).json()
    expect(actors).toEqual(
      expect.arrayContaining([{ login: counsellor.user.loginId, name: byCase.items[0].actorName }]),
    )
    expect((await counsellor.get('/api/audit/actors')).statusCode).toBe(403)
  })

  it('exports the filtered rows as CSV for Excel, guarded against formulas, and audits the export', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const counsellor = await city.as('window_counsellor')
    const c = await openCase(counsellor)
    await counsellor.get(`/api/cases/${c.id}`)
    // A login ID an attacker typed to plant a formula in the auditor's spreadsheet.
    await ctx.db.insert(auditLog).values({
      tenantId: city.tenantId,
      at: new Date('2026-11-24T00:30:00Z'),
      actorLogin: '=HYPERLINK("http://evil.example","x")',
      action: 'auth.login_failed',
      detail: { note: '+1' },
    })

    const res = await admin.get('/api/audit.csv?action=auth.login_failed')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toContain('attachment')
    const text = res.rawPayload.toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      '"日時","職員","ログインID","操作","操作コード","ケース番号","対象の種類","対象ID","接続元","詳細"',
    )
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain('"\'=HYPERLINK(""http://evil.example"",""x"")"')
    expect(lines[1]).toContain('"ログイン失敗","auth.login_failed"')
    // No cell starts with a formula character once unquoted.
    for (const cell of lines[1]!.split('","')) expect(cell.replace(/^"/u, '')).not.toMatch(/^[=+\-@]/u)

    const forCase = (await admin.get(`/api/audit.csv?caseNo=${c.caseNo}`)).rawPayload.toString('utf8')
    expect(forCase).toContain(`"ケースの閲覧","case.read","${c.caseNo}"`)
    const name = (await admin.get(`/api/audit?caseNo=${c.caseNo}`)).json().items[0].actorName
    expect(forCase).toContain(`"${name}","${counsellor.user.loginId}"`)

    const exports = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'audit.export')))
      .orderBy(auditLog.id)
    expect(exports.map((e) => e.detail)).toEqual([
      { count: 1, filters: { action: 'auth.login_failed' } },
      { count: expect.any(Number), filters: { caseNo: c.caseNo } },
    ])
    expect((await counsellor.get('/api/audit.csv')).statusCode).toBe(403)
    expect((await admin.get('/api/audit.csv?from=2026-02-30')).statusCode).toBe(400)
  })
})
