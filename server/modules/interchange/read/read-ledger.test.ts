import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Cell, LedgerReadError, type ReadOptions } from './ledger.types.ts'
import { readLedger } from './read-ledger.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yorisoi-ledger-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface ReadSheet {
  name: string
  headers: string[]
  rows: { rowNumber: number; cells: Record<string, Cell> }[]
}

async function readAll(paths: string[], options: ReadOptions = {}): Promise<ReadSheet[]> {
  const sheets: ReadSheet[] = []
  for await (const sheet of readLedger(paths, options)) {
    const rows: ReadSheet['rows'] = []
    for await (const row of sheet.rows)
      rows.push({ rowNumber: row.rowNumber, cells: Object.fromEntries(row.cells) })
    sheets.push({ name: sheet.name, headers: sheet.headers, rows })
  }
  return sheets
}

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

async function refusal(paths: string[], options: ReadOptions = {}): Promise<LedgerReadError> {
  try {
    await readAll(paths, options)
  } catch (error) {
    expect(error).toBeInstanceOf(LedgerReadError)
    return error as LedgerReadError
  }
  throw new Error('expected a LedgerReadError')
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])
// 'ケース番号,相談者' and 'R1,あ' in CP932, byte by byte (あ = 82 A0, 相談 = 91 8A 92 6B).
const CP932_HEADER = Buffer.from([
  0x83, 0x50, 0x81, 0x5b, 0x83, 0x58, 0x94, 0xd4, 0x8d, 0x86, 0x2c, 0x91, 0x8a, 0x92, 0x6b, 0x8e, 0xd2,
])

describe('readLedger: CSV', () => {
  it('reads UTF-8 with a BOM, CRLF', async () => {
    const path = await file(
      'cases.csv',
      Buffer.concat([BOM, Buffer.from('case_id, 氏名 \r\nA1,山田\r\nA2,\r\n')]),
    )
    expect(await readAll([path])).toEqual([
      {
        name: 'cases',
        headers: ['case_id', '氏名'],
        rows: [
          { rowNumber: 2, cells: { case_id: 'A1', 氏名: '山田' } },
          { rowNumber: 3, cells: { case_id: 'A2', 氏名: null } },
        ],
      },
    ])
  })

  it('reads UTF-8 without a BOM, LF, and names the sheet after the file', async () => {
    const path = await file('相談ケース.csv', 'ケース番号,受付日\nA1, 2021-08-31 \n')
    const [sheet] = await readAll([path])
    expect(sheet!.name).toBe('相談ケース')
    expect(sheet!.rows).toEqual([{ rowNumber: 2, cells: { ケース番号: 'A1', 受付日: '2021-08-31' } }])
  })

  it('detects CP932, including NEC special characters', async () => {
    const bytes = Buffer.concat([CP932_HEADER, Buffer.from('\r\nA1,'), Buffer.from([0x82, 0xa0, 0x87, 0x40])])
    const [sheet] = await readAll([await file('sjis.csv', bytes)])
    expect(sheet!.headers).toEqual(['ケース番号', '相談者'])
    expect(sheet!.rows[0]!.cells).toEqual({ ケース番号: 'A1', 相談者: 'あ①' })
  })

  it('detects CP932 that starts after a long ASCII stretch', async () => {
    const ascii = `id,memo\n${'1,abc\n'.repeat(20_000)}`
    const bytes = Buffer.concat([
      Buffer.from(ascii),
      Buffer.from('2,'),
      Buffer.from([0x91, 0x8a, 0x92, 0x6b]),
    ])
    const [sheet] = await readAll([await file('late.csv', bytes)])
    expect(sheet!.rows.at(-1)).toEqual({ rowNumber: 20_002, cells: { id: '2', memo: '相談' } })
  })

  it('uses a forced encoding, and refuses bytes it cannot decode', async () => {
    const path = await file('forced.csv', Buffer.concat([CP932_HEADER, Buffer.from('\n1,2\n')]))
    const [sheet] = await readAll([path], { encoding: 'cp932' })
    expect(sheet!.headers).toEqual(['ケース番号', '相談者'])
    const error = await refusal([path], { encoding: 'utf-8' })
    expect(error.reason).toBe('文字コードを判別できません。--encoding を指定してください')
  })

  it('refuses bytes that are neither UTF-8 nor CP932', async () => {
    const path = await file('garbage.csv', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0xfd, 0x0a]))
    expect((await refusal([path])).reason).toBe('文字コードを判別できません。--encoding を指定してください')
  })

  it('reads quoted fields with commas, quotes and line breaks; numbers rows as a spreadsheet does', async () => {
    const csv = 'id,concerns,note\r\n1,"就労\r\n医療受診","a, ""b"""\r\n\r\n2,,\r\n3\r\n,,\r\n'
    const [sheet] = await readAll([await file('quoted.csv', csv)])
    expect(sheet!.rows).toEqual([
      { rowNumber: 2, cells: { id: '1', concerns: '就労\r\n医療受診', note: 'a, "b"' } },
      { rowNumber: 4, cells: { id: '2', concerns: null, note: null } },
      { rowNumber: 5, cells: { id: '3', concerns: null, note: null } },
    ])
  })

  it('ignores columns whose header is empty and keeps the first of a repeated header', async () => {
    const [sheet] = await readAll([await file('cols.csv', 'a,,b,a\n1,x,2,3\n')])
    expect(sheet!.headers).toEqual(['a', 'b', 'a'])
    expect(sheet!.rows[0]!.cells).toEqual({ a: '1', b: '2' })
  })

  it('reports an unclosed quote by line, without the cell', async () => {
    const path = await file('unclosed.csv', 'id,name\n1,"山田\n2,x\n')
    const error = await refusal([path])
    expect(error.reason).toMatch(/^CSV の形式が正しくありません/)
    expect(error.message).not.toContain('山田')
  })

  it('streams a 60,000-row file', async () => {
    const lines = ['case_id,opened_on,summary']
    for (let i = 1; i <= 60_000; i++) lines.push(`C${i},2021-08-31,"相談内容 ${i}, 詳細"`)
    const path = await file('big.csv', `${lines.join('\r\n')}\r\n`)
    let count = 0
    let last = 0
    for await (const sheet of readLedger([path], {})) {
      for await (const row of sheet.rows) {
        count++
        last = row.rowNumber
      }
    }
    expect(count).toBe(60_000)
    expect(last).toBe(60_001)
  })
})

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
  const path = join(dir, name)
  await book.xlsx.writeFile(path)
  return path
}

describe('readLedger: xlsx', () => {
  it('reads every non-empty worksheet, with real date cells, rich text and formula results', async () => {
    const sheets = await readAll([await workbook('book.xlsx')])
    expect(sheets.map((s) => s.name)).toEqual(['cases', '対応記録'])
    const [cases, contacts] = sheets
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
      rows: [{ rowNumber: 3, cells: { case_id: 'A1' } }],
    })
  })

  it('lets the caller move to the next sheet before the end of one', async () => {
    const names: string[] = []
    for await (const sheet of readLedger([await workbook('skip.xlsx')], {})) names.push(sheet.name)
    expect(names).toEqual(['cases', '対応記録'])
  })

  it('refuses an .xlsx that is text, or a zip that is not a workbook', async () => {
    const text = await file('fake.xlsx', 'case_id,name\n1,x\n')
    expect((await refusal([text])).reason).toBe('表計算ファイル（.xlsx または .csv）として読み取れません')
    const broken = await file(
      'broken.xlsx',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]),
    )
    expect((await refusal([broken])).reason).toBe('表計算ファイル（.xlsx または .csv）として読み取れません')
  })

  it('refuses a workbook whose sheets are all empty', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('Sheet1')
    const path = join(dir, 'blank.xlsx')
    await book.xlsx.writeFile(path)
    expect((await refusal([path])).reason).toBe('ファイルが空です')
  })
})

describe('readLedger: files and folders', () => {
  it('reads a folder’s .xlsx and .csv files by name, not its subfolders or other files', async () => {
    const folder = join(dir, 'folder')
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
    expect((await refusal([join(dir, 'missing.csv')])).reason).toBe('ファイルが見つかりません')
    expect((await refusal([await file('zero.csv', '')])).reason).toBe('ファイルが空です')
    expect((await refusal([await file('blank.csv', '\r\n ,, \r\n\r\n')])).reason).toBe('ファイルが空です')
    expect((await refusal([await file('zero.xlsx', '')])).reason).toBe('ファイルが空です')
  })

  it('refuses files that are not spreadsheets', async () => {
    const notSheet = '表計算ファイル（.xlsx または .csv）として読み取れません'
    expect((await refusal([await file('memo.txt', 'a,b\n1,2\n')])).reason).toBe(notSheet)
    expect((await refusal([await file('old.xls', 'a,b\n')])).reason).toBe(notSheet)
    const utf16 = Buffer.from('\ufeffa,b\r\n1,2\r\n', 'utf16le')
    expect((await refusal([await file('unicode.csv', utf16)])).reason).toBe(notSheet)
  })

  it('refuses a file over the limit before reading it', async () => {
    const path = await file('small.csv', 'case_id\nA1\n')
    const error = await refusal([path], { maxBytes: 5 })
    expect(error.reason).toMatch(/^ファイルが大きすぎます（上限[\d.]+MB）$/)
    expect(error.source).toBe(path)
  })

  it('refuses a 50 MB file by its size with the default limit, at once', async () => {
    const path = join(dir, 'huge.xlsx')
    await writeFile(path, '')
    await truncate(path, 50 * 1024 * 1024) // sparse: no 50 MB actually written
    const started = Date.now()
    expect((await refusal([path])).reason).toBe('ファイルが大きすぎます（上限30MB）')
    // Not a timing assertion on the reader's speed: reading 50 MB of zeros would fail differently.
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
