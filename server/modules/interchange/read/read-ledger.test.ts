import { mkdir, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { readLedger } from './read-ledger.ts'
import { readAll, refusal, tempFolder } from './testing.ts'

const dir = tempFolder()

async function workbook(name: string): Promise<string> {
  const book = new ExcelJS.Workbook()
  const cases = book.addWorksheet('cases')
  cases.addRow(['case_id', ' 受付日 ', null, 'concerns', 'age', 'note', 'calc', 'when'])
  cases.addRow(['A1', new Date(Date.UTC(2021, 7, 31)), 'x', '就労\n医療受診', 42, '  ', null, null])
  cases.getCell('B2').numFmt = 'yyyy/m/d'
  cases.getCell('F2').value = { richText: [{ text: '太字' }, { text: 'と普通' }] }
  cases.getCell('G2').value = { formula: 'E2*2', result: 84 }
  cases.getCell('H2').value = { formula: 'B2+1', result: 44440 }
  cases.getCell('H2').numFmt = '[$-ja-JP]ggge"年"m"月"d"日"'
  cases.addRow([])
  cases.addRow(['A2', 'R3.9.1', null, null, true])
  book.addWorksheet('empty')
  const contacts = book.addWorksheet('対応記録')
  contacts.getCell('B2').value = 'case_id'
  contacts.getCell('B3').value = 'A1'
  const path = join(dir.path, name)
  await book.xlsx.writeFile(path)
  return path
}

describe('readLedger: xlsx', () => {
  it('reads every non-empty worksheet, with real date cells, rich text and formula results', async () => {
    const sheets = await readAll([await workbook('book.xlsx')])
    expect(sheets.map((s) => s.name)).toEqual(['cases', '対応記録'])
    const [cases, contacts] = sheets
    expect(cases!.headerRowNumber).toBe(1)
    expect(cases!.headers).toEqual(['case_id', '受付日', 'concerns', 'age', 'note', 'calc', 'when'])
    expect(cases!.rows).toEqual([
      {
        rowNumber: 2,
        cells: {
          case_id: 'A1',
          受付日: new Date(Date.UTC(2021, 7, 31)),
          concerns: '就労\n医療受診',
          age: 42,
          note: '太字と普通',
          calc: 84,
          when: new Date(Date.UTC(2021, 8, 1)),
        },
      },
      {
        rowNumber: 4,
        cells: {
          case_id: 'A2',
          受付日: 'R3.9.1',
          concerns: null,
          age: true,
          note: null,
          calc: null,
          when: null,
        },
      },
    ])
    expect(contacts).toEqual({
      name: '対応記録',
      headers: ['case_id'],
      headerRowNumber: 2,
      rows: [{ rowNumber: 3, cells: { case_id: 'A1' } }],
    })
  })

  it('lets the caller move to the next sheet before the end of one', async () => {
    const names: string[] = []
    for await (const sheet of readLedger([await workbook('skip.xlsx')], {})) names.push(sheet.name)
    expect(names).toEqual(['cases', '対応記録'])
  })

  it('lets the caller stop in the middle of a sheet', async () => {
    const path = await workbook('stop.xlsx')
    let seen = 0
    for await (const sheet of readLedger([path], {})) {
      for await (const _row of sheet.rows) {
        seen++
        break
      }
      break
    }
    expect(seen).toBe(1)
    expect((await readAll([path])).length).toBe(2) // the file was released, not left locked
  })

  it('reads several paths in the order given', async () => {
    const csv = await dir.file('z_first.csv', 'case_id\nA1\n')
    const sheets = await readAll([csv, await workbook('second.xlsx')])
    expect(sheets.map((s) => s.name)).toEqual(['z_first', 'cases', '対応記録'])
  })

  it('refuses an .xlsx that is text, or a zip that is not a workbook', async () => {
    const text = await dir.file('fake.xlsx', 'case_id,name\n1,x\n')
    expect((await refusal([text])).reason).toBe('表計算ファイル（.xlsx または .csv）として読み取れません')
    const broken = await dir.file(
      'broken.xlsx',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]),
    )
    expect((await refusal([broken])).reason).toBe('表計算ファイル（.xlsx または .csv）として読み取れません')
  })

  it('refuses a workbook whose sheets are all empty', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('Sheet1')
    const path = join(dir.path, 'blank.xlsx')
    await book.xlsx.writeFile(path)
    expect((await refusal([path])).reason).toBe('ファイルが空です')
  })
})

describe('readLedger: files and folders', () => {
  it('reads a folder’s .xlsx and .csv files by name, not its subfolders or other files', async () => {
    const folder = join(dir.path, 'folder')
    await mkdir(join(folder, 'sub'), { recursive: true })
    await writeFile(join(folder, 'b_contacts.csv'), 'case_id\nA1\n')
    await writeFile(join(folder, 'a_cases.csv'), 'case_id\nA1\n')
    await writeFile(join(folder, 'notes.txt'), 'not a ledger')
    await writeFile(join(folder, '~$book.xlsx'), 'Excel lock file')
    await writeFile(join(folder, 'sub', 'c.csv'), 'case_id\nA1\n')
    const sheets = await readAll([folder])
    expect(sheets.map((s) => s.name)).toEqual(['a_cases', 'b_contacts'])
  })

  it('refuses a missing file, an empty one, and a header-less one', async () => {
    expect((await refusal([join(dir.path, 'missing.csv')])).reason).toBe('ファイルが見つかりません')
    expect((await refusal([await dir.file('zero.csv', '')])).reason).toBe('ファイルが空です')
    expect((await refusal([await dir.file('blank.csv', '\r\n ,, \r\n\r\n')])).reason).toBe('ファイルが空です')
    expect((await refusal([await dir.file('zero.xlsx', '')])).reason).toBe('ファイルが空です')
  })

  it('refuses files that are not spreadsheets', async () => {
    const notSheet = '表計算ファイル（.xlsx または .csv）として読み取れません'
    expect((await refusal([await dir.file('memo.txt', 'a,b\n1,2\n')])).reason).toBe(notSheet)
    expect((await refusal([await dir.file('old.xls', 'a,b\n')])).reason).toBe(notSheet)
    const utf16 = Buffer.from('\ufeffa,b\r\n1,2\r\n', 'utf16le')
    expect((await refusal([await dir.file('unicode.csv', utf16)])).reason).toBe(notSheet)
  })

  it('refuses a file over the limit before reading it', async () => {
    const path = await dir.file('small.csv', 'case_id\nA1\n')
    const error = await refusal([path], { maxBytes: 5 })
    expect(error.reason).toMatch(/^ファイルが大きすぎます（上限[\d.]+MB）$/)
    expect(error.source).toBe(path)
  })

  it('refuses a 50 MB file by its size with the default limit, at once', async () => {
    const path = join(dir.path, 'huge.xlsx')
    await writeFile(path, '')
    await truncate(path, 50 * 1024 * 1024) // sparse: no 50 MB actually written
    const started = Date.now()
    expect((await refusal([path])).reason).toBe('ファイルが大きすぎます（上限30MB）')
    // Not a timing assertion on the reader's speed: reading 50 MB of zeros would fail differently.
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
