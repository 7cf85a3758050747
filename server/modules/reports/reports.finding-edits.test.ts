// Headquarters edits a drafted finding's text for a report period: stored per (from, to, ward)
// with its history, audited, shown in place of the draft in the JSON, the workbook and the HTML;
// the figures never change. Bad input is a 400 with a Japanese field message and writes nothing.
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, reportFindingEdits } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { findingEdit, findingEdits } from '#shared/contracts/report-findings.ts'
import { type Report, reportSchema } from '#shared/contracts/reports.ts'
import { renderReportHtml } from './render-html.ts'
import { recordsFor } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const PERIOD = { from: '2020-09-01', to: '2021-08-31' }
const REPORT = `/api/reports?from=${PERIOD.from}&to=${PERIOD.to}`
const EDITS = `/api/reports/findings?from=${PERIOD.from}&to=${PERIOD.to}`
const put = (id: string) => `/api/reports/findings/${encodeURIComponent(id)}`

/** A city whose window has three cases in kita (one with one contact) and one in sakyo. */
async function cityWithCases() {
  const city = await ctx.newCity()
  const r = recordsFor(ctx.db, city.tenantId)
  for (const ward of ['kita', 'kita', 'kita', 'sakyo']) {
    const id = await r.addCase({ ward, route: 'agency_referral' })
    await r.addContacts(id, { contactedOn: '2020-10-02' }, { contactedOn: '2020-10-09' })
  }
  await r.addContacts(await r.addCase({ ward: 'kita' }), { contactedOn: '2020-10-02' })
  return city
}

const findingOf = (report: Report, id: string) => report.findings.find((f) => f.id === id)!
const editRows = (tenantId: string) =>
  ctx.db.select().from(reportFindingEdits).where(eq(reportFindingEdits.tenantId, tenantId))

describe('editing a drafted finding', () => {
  it('replaces the text for the period, keeps the figures, and keeps every edit as history', async () => {
    const city = await cityWithCases()
    const hq = await city.as('headquarters', { name: '本部 花子' })
    const draft = findingOf(reportSchema.parse((await hq.get(REPORT)).json()), 'single_share')
    expect(draft.text).toBe('相談5件のうち、一度の相談で終わったケースは1件（2割）でした。')

    const first = await hq.put(put('single_share'), {
      ...PERIOD,
      text: '  一度で終わったケースは少数でした。  ',
    })
    expect(first.statusCode, first.body).toBe(200)
    expect(findingEdit.parse(first.json())).toMatchObject({
      findingId: 'single_share',
      text: '一度で終わったケースは少数でした。',
      editedByName: '本部 花子',
      history: [
        { before: draft.text, after: '一度で終わったケースは少数でした。', editedByName: '本部 花子' },
      ],
    })
    const second = await hq.put(put('single_share'), { ...PERIOD, text: '一度で終わったのは1件でした。' })
    expect(second.json().history.map((h: { before: string }) => h.before)).toEqual([
      draft.text,
      '一度で終わったケースは少数でした。',
    ])

    const shown = findingOf(reportSchema.parse((await hq.get(REPORT)).json()), 'single_share')
    expect(shown).toEqual({ ...draft, text: '一度で終わったのは1件でした。' })
    const listed = findingEdits.parse((await hq.get(EDITS)).json())
    expect(listed.period).toEqual({ ...PERIOD, ward: null })
    expect(listed.edits.map((e) => [e.findingId, e.text, e.history.length])).toEqual([
      ['single_share', '一度で終わったのは1件でした。', 2],
    ])

    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'report.finding.edit')))
    expect(audits).toHaveLength(2)
    expect(audits[0]!.detail).toEqual({ ...PERIOD, ward: null, findingId: 'single_share', length: 17 })
    expect(JSON.stringify(audits)).not.toContain('少数')
  })

  it('carries the edited text into the workbook and the HTML page', async () => {
    const city = await cityWithCases()
    const hq = await city.as('headquarters')
    await hq.put(put('agency_referral_share'), { ...PERIOD, text: 'すべて関係機関の紹介でした。' })
    const res = await hq.get(REPORT.replace('/api/reports', '/api/reports.xlsx'))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as never)
    expect(book.worksheets[0]!.name).toBe('所見')
    const texts = book.getWorksheet('所見')!.getColumn(1).values
    expect(texts).toContain('すべて関係機関の紹介でした。')
    const html = renderReportHtml(reportSchema.parse((await hq.get(REPORT)).json()))
    expect(html).toContain('<h2 id="findings-title">所見（下書き）</h2>')
    expect(html).toContain('<p>すべて関係機関の紹介でした。</p>')
    expect(html).toContain('分子 4 ／ 分母 5 ＝ 80.0%（8割）　出典：相談経路別相談件数')
  })

  it('is kept per period and ward: another ward, another period and the 8050 view keep their drafts', async () => {
    const city = await cityWithCases()
    const hq = await city.as('headquarters')
    const kita = `${REPORT}&ward=kita`
    const before = reportSchema.parse((await hq.get(kita)).json())
    expect(
      (await hq.put(put('continuing_share'), { ...PERIOD, ward: 'kita', text: '北区の文' })).statusCode,
    ).toBe(200)
    expect(findingOf(reportSchema.parse((await hq.get(kita)).json()), 'continuing_share').text).toBe(
      '北区の文',
    )
    for (const url of [
      REPORT,
      `${REPORT}&ward=sakyo`,
      `${kita}&flag8050=true`,
      `${kita.replace('2021-08-31', '2021-08-30')}`,
    ]) {
      const report = reportSchema.parse((await hq.get(url)).json())
      expect(
        report.findings.map((f) => f.text),
        url,
      ).not.toContain('北区の文')
    }
    expect(before.findings.length).toBeGreaterThan(0)
    // The ward's coordinator reads the ward's edits (and its report) but may not edit.
    const coordinator = await city.as('ward_coordinator', { ward: 'kita' })
    const seen = findingEdits.parse((await coordinator.get(EDITS)).json())
    expect(seen.period.ward).toBe('kita')
    expect(seen.edits.map((e) => e.text)).toEqual(['北区の文'])
    expect(
      (await coordinator.put(put('continuing_share'), { ...PERIOD, ward: 'kita', text: 'x' })).statusCode,
    ).toBe(403)
    expect((await coordinator.get(`${EDITS}&ward=sakyo`)).statusCode).toBe(403)
  })

  it('only headquarters edits; another city sees none of it', async () => {
    const city = await cityWithCases()
    for (const role of [
      'admin',
      'window_counsellor',
      'ward_staff',
      'accompaniment_worker',
      'agency_member',
    ] as const) {
      const res = await (await city.as(role)).put(put('single_share'), { ...PERIOD, text: '文' })
      expect(res.statusCode, role).toBe(403)
    }
    expect((await ctx.app.inject({ method: 'GET', url: EDITS })).statusCode).toBe(401)
    await (await city.as('headquarters')).put(put('single_share'), { ...PERIOD, text: '本市の文' })
    const other = await cityWithCases()
    const theirs = await other.as('headquarters')
    expect(findingEdits.parse((await theirs.get(EDITS)).json()).edits).toEqual([])
    expect(findingOf(reportSchema.parse((await theirs.get(REPORT)).json()), 'single_share').text).not.toBe(
      '本市の文',
    )
  })
})

describe('refused edits write nothing', () => {
  it('NUL, a lone surrogate, an empty or too long text, a bad period or id: 400 with a Japanese message', async () => {
    const city = await cityWithCases()
    const hq = await city.as('headquarters')
    const cases: [string, unknown, string, string][] = [
      ['single_share', { ...PERIOD, text: 'a\u0000b' }, 'text', '制御文字（NUL など）は使えません'],
      [
        'single_share',
        { ...PERIOD, text: 'a\ud800b' },
        'text',
        '壊れた文字（対になっていないサロゲート）は使えません',
      ],
      ['single_share', { ...PERIOD, text: '   ' }, 'text', '所見の文を入力してください'],
      ['single_share', { ...PERIOD }, 'text', '所見の文を入力してください'],
      [
        'single_share',
        { ...PERIOD, text: 'あ'.repeat(1001) },
        'text',
        '所見の文は1000文字以内で入力してください',
      ],
      [
        'single_share',
        { from: '2021-08-31', to: '2021-08-01', text: '文' },
        'to',
        '終了日は開始日以降の日付を入力してください',
      ],
      [
        'single_share',
        { ...PERIOD, from: '2021-02-30', text: '文' },
        'from',
        expect.stringContaining('実在する年月日'),
      ],
      [
        'single_share',
        { ...PERIOD, ward: 'a\u0000', text: '文' },
        'ward',
        '制御文字（NUL など）は使えません',
      ],
      ['nonsense', { ...PERIOD, text: '文' }, 'findingId', '所見の項目が正しくありません'],
      ['survey:S\u00001:1', { ...PERIOD, text: '文' }, 'findingId', '制御文字（NUL など）は使えません'],
      [`survey:${'S'.repeat(61)}:1`, { ...PERIOD, text: '文' }, 'findingId', '所見の項目が正しくありません'],
    ] as never
    for (const [id, body, field, message] of cases) {
      const res = await hq.put(put(id), body)
      expect(res.statusCode, `${id} ${JSON.stringify(body).slice(0, 60)}`).toBe(400)
      expect(res.json().errors, res.body).toContainEqual({ field, message })
    }
    // A finding the period does not draft (no baseline here), and an unknown ward.
    const missing = await hq.put(put('consultations_vs_baseline'), { ...PERIOD, text: '文' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().detail).toBe('この期間の所見にその項目はありません')
    const ward = await hq.put(put('single_share'), { ...PERIOD, ward: 'atlantis', text: '文' })
    expect(ward.statusCode).toBe(400)
    expect(ward.json().errors).toContainEqual({ field: 'ward', message: '指定された区が見つかりません' })
    expect(await editRows(city.tenantId)).toEqual([])
    expect((await hq.get(`${EDITS.replace('2020-09-01', 'x')}`)).statusCode).toBe(400)
  })
})
