import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type Session, type TestContext } from '#server/test/harness.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function download(s: Session): Promise<ExcelJS.Workbook> {
  const res = await s.get('/api/org/sheet.xlsx')
  expect(res.statusCode, res.body).toBe(200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  return book
}

async function upload(s: Session, book: ExcelJS.Workbook) {
  const payload = Buffer.from(await book.xlsx.writeBuffer())
  return s.request({ method: 'POST', url: '/api/org/sheet', headers: { 'content-type': XLSX }, payload })
}

describe('the organisation as a sheet (/api/org/sheet)', () => {
  it('round-trips: an exported sheet imports with no change; edits import as renames with history', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const book = await download(admin)
    expect(book.getWorksheet('区・支所')!.rowCount).toBe(15)
    expect(book.getWorksheet('課・室など')!.getRow(1).values).toEqual([
      undefined,
      'ID',
      '種類',
      '区コード',
      '名称',
      '表示順',
      '有効',
    ])

    const same = await upload(admin, book)
    expect(same.statusCode, same.body).toBe(200)
    expect(same.json().changes).toBe(0)

    const wards = book.getWorksheet('区・支所')!
    wards.getRow(2).getCell(2).value = '北部区'
    wards.addRow(['minami2', '南第二支所', 30, '有効'])
    book.getWorksheet('人口')!.addRow([2026, 'minami2', 12000])
    const edited = await upload(admin, book)
    expect(edited.statusCode, edited.body).toBe(200)
    const org = (await admin.get('/api/org')).json()
    expect(org.wards.find((w: { code: string }) => w.code === 'kita').name).toBe('北部区')
    expect(org.populations).toEqual([{ wardCode: 'minami2', fiscalYear: 2026, population: 12000 }])
    const history = (await admin.get('/api/org/history')).json()
    expect(history).toContainEqual(
      expect.objectContaining({ subjectKey: 'kita', field: 'name', before: '北区', after: '北部区' }),
    )
  })

  it('refuses a bad sheet naming sheet, row and column, and writes nothing', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const book = await download(admin)
    const wards = book.getWorksheet('区・支所')!
    wards.getRow(2).getCell(2).value = '変えたはずの名前'
    wards.addRow(['Bad Code', '', 'x', 'たぶん'])
    const res = await upload(admin, book)
    expect(res.statusCode).toBe(400)
    const messages = res.json().errors.map((e: { message: string }) => e.message)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^シート「区・支所」16行目の「区コード」：/),
        'シート「区・支所」16行目の「名称」：区・支所の名称を入力してください',
        'シート「区・支所」16行目の「表示順」：0以上の整数で入力してください',
        'シート「区・支所」16行目の「有効」：「有効」か「無効」で入力してください',
      ]),
    )
    expect((await admin.get('/api/org')).json().wards[0].name).toBe('北区')

    const noSheet = new ExcelJS.Workbook()
    noSheet.addWorksheet('区・支所').addRow(['区コード', '名称'])
    const missing = await upload(admin, noSheet)
    expect(missing.json().errors.map((e: { message: string }) => e.message)).toEqual(
      expect.arrayContaining([
        'シート「区・支所」に列「表示順」がありません',
        'シート「課・室など」がありません',
      ]),
    )
    const garbage = await admin.request({
      method: 'POST',
      url: '/api/org/sheet',
      headers: { 'content-type': XLSX },
      payload: Buffer.from('not a workbook'),
    })
    expect(garbage.statusCode).toBe(400)
    expect((await admin.get('/api/org/history')).json()).toEqual([])
  })

  it('is the administrator’s, of their own city only', async () => {
    const city = await ctx.newCity()
    const other = await ctx.newCity('よその市')
    await (await other.as('admin')).post('/api/org/wards', {
      code: 'only-there',
      name: 'よその区',
      sortOrder: 1,
    })
    expect((await (await city.as('headquarters')).get('/api/org/sheet.xlsx')).statusCode).toBe(403)
    const book = await download(await city.as('admin'))
    const codes = book.getWorksheet('区・支所')!.getColumn(1).values
    expect(codes).not.toContain('only-there')
  })
})
