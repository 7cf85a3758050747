import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, cases, contacts } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { exportLedger } from './export-ledger.ts'
import { baseLedger, importDir, NOW, tempDir, writeCsv } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

function fullLedger(dir: string) {
  baseLedger(dir)
  writeCsv(dir, 'surveys', [
    ['survey_id', 'title', 'audience', 'question_no', 'question', 'kind', 'options'],
    ['S-1', '相談者アンケート', '相談者', '1', '満足度', '単一回答', '満足;普通;不満'],
    ['S-1', '', '', '2', 'よかった点', 'multiple', '傾聴\n助言'],
    ['S-1', '', '', '3', 'ご意見', 'text', ''],
  ])
  writeCsv(dir, 'responses', [
    ['survey_id', 'respondent_id', 'answered_on', 'question_no', 'answer'],
    ['S-1', 'R-1', 'R3.8.31', '1', '満足'],
    ['S-1', 'R-1', 'R3.8.31', '2', '傾聴；助言'],
    ['S-1', 'R-1', 'R3.8.31', '3', '話を聞いてもらえた'],
  ])
  writeCsv(dir, 'resources', [
    ['resource_id', 'name', 'categories', 'serves', 'ward', 'subsidy_fy', 'contact'],
    ['RS-1', 'NPO法人あかり 居場所', '居場所;相談', '本人;家族', '', '令和3年度;2020', '075-000-0000'],
  ])
  writeCsv(dir, 'baselines', [
    ['label', 'from', 'to', 'metric', 'value'],
    ['令和元年度', 'H31.4.1', '令和2年3月31日', 'cases.total', '120'],
  ])
  return dir
}

const csvFiles = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))

describe('exporting a ledger', () => {
  it('round trip: export, import into an empty city, export again gives the same files', async () => {
    const a = await ctx.newCity()
    const src = fullLedger(tempDir())
    writeCsv(src, 'baselines', [
      ['label', 'from', 'to', 'metric', 'value'],
      ['令和元年度', 'H31.4.1', '令和2年3月31日', 'cases.total', '120'],
      ['令和元年度', '2019-04-01', '2020/3/31', 'cases.unknown', ''],
    ])
    const first = await importDir(ctx.db, a.tenantId, [src])
    expect(first.errors).toEqual([])
    const outA = tempDir()
    await exportLedger(ctx.db, a.tenantId, { out: outA, personal: true, actor: null, now: NOW })
    const b = await ctx.newCity()
    const second = await importDir(ctx.db, b.tenantId, [outA])
    expect(second.errors).toEqual([])
    const outB = tempDir()
    await exportLedger(ctx.db, b.tenantId, { out: outB, personal: true, actor: null, now: NOW })
    const filesA = csvFiles(outA)
    expect(Object.keys(filesA).sort()).toEqual(
      ([] as string[])
        .concat(
          [
            'baselines',
            'cases',
            'contacts',
            'meetings',
            'people',
            'responses',
            'resources',
            'reviews',
            'surveys',
          ].map((k) => `${k}.csv`),
        )
        .sort(),
    )
    expect(csvFiles(outB)).toEqual(filesA)
    expect(filesA['cases.csv']!.startsWith('\uFEFF')).toBe(true)
    expect(filesA['cases.csv']).toContain('\r\n')
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, a.tenantId))
    expect(audit.find((r) => r.action === 'ledger.export')?.detail).toMatchObject({ personal: true })
  })

  it('leaves out personal columns and free-text answers unless asked', async () => {
    const city = await ctx.newCity()
    await importDir(ctx.db, city.tenantId, [fullLedger(tempDir())])
    const out = tempDir()
    await exportLedger(ctx.db, city.tenantId, { out, personal: false, actor: null, now: NOW })
    const files = csvFiles(out)
    const all = Object.values(files).join('\n')
    for (const header of ['氏名', 'ふりがな', '内容', '支援方針']) expect(all).not.toContain(header)
    for (const value of ['山田', 'やまだ', '母親', '週1回訪問', '話を聞いてもらえた'])
      expect(all).not.toContain(value)
    expect(files['responses.csv']).toContain('満足')
    // And a ledger without personal columns imports again.
    const other = await ctx.newCity()
    expect((await importDir(ctx.db, other.tenantId, [out])).errors).toEqual([])
  })

  it('writes one workbook that imports again, with Excel date cells read too', async () => {
    const city = await ctx.newCity()
    await importDir(ctx.db, city.tenantId, [fullLedger(tempDir())])
    const file = join(tempDir(), 'ledger.xlsx')
    await exportLedger(ctx.db, city.tenantId, { out: file, personal: true, actor: null, now: NOW })
    const other = await ctx.newCity()
    const result = await importDir(ctx.db, other.tenantId, [file])
    expect(result.errors).toEqual([])
    expect(result.counts.cases).toEqual({ added: 2, updated: 0 })

    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('相談ケース')
    ws.addRow(['ケース番号', '受付日', '受付機関', '相談者'])
    ws.addRow(['X-1', new Date(Date.UTC(2021, 7, 31)), '北区役所', '本人'])
    const path = join(tempDir(), 'dates.xlsx')
    await wb.xlsx.writeFile(path)
    const third = await ctx.newCity()
    expect((await importDir(ctx.db, third.tenantId, [path])).errors).toEqual([])
    const [row] = await ctx.db.select().from(cases).where(eq(cases.tenantId, third.tenantId))
    expect(row).toMatchObject({ openedOn: '2021-08-31', intakeUnit: 'kita' })
  })
})

describe('encodings and dates', () => {
  it('reads 和暦 dates and a CP932 CSV beside a UTF-8 one with BOM', async () => {
    const city = await ctx.newCity()
    const dir = tempDir()
    writeCsv(
      dir,
      'cases',
      Buffer.from(
        '\uFEFFcase_id,opened_on,intake_unit,first_consulter\r\nW-1,令和元年5月1日,window,self\nW-2,R3.8.31,window,self\r\nW-3,H31.4.1,window,self\r\n',
      ),
    )
    // 電話 and 本人 in Shift_JIS, as Japanese Excel saves them.
    const sjis = Buffer.concat([
      Buffer.from('case_id,contacted_on,method,counterpart\r\nW-2,2021-09-01,'),
      Buffer.from([0x93, 0x64, 0x98, 0x62]),
      Buffer.from(','),
      Buffer.from([0x96, 0x7b, 0x90, 0x6c]),
      Buffer.from('\r\n'),
    ])
    writeCsv(dir, 'contacts', sjis)
    const result = await importDir(ctx.db, city.tenantId, [dir])
    expect(result.errors).toEqual([])
    const rows = await ctx.db.select().from(cases).where(eq(cases.tenantId, city.tenantId))
    expect(Object.fromEntries(rows.map((r) => [r.caseNo, r.openedOn]))).toEqual({
      'W-1': '2019-05-01',
      'W-2': '2021-08-31',
      'W-3': '2019-04-01',
    })
    const [c] = await ctx.db.select().from(contacts).where(eq(contacts.tenantId, city.tenantId))
    expect(c).toMatchObject({ method: 'phone', counterpart: 'self' })
  })
})
