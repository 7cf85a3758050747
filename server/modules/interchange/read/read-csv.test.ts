import { describe, expect, it } from 'vitest'
import { readLedger } from './read-ledger.ts'
import { readAll, refusal, tempFolder } from './testing.ts'

const dir = tempFolder()

const BOM = Buffer.from([0xef, 0xbb, 0xbf])
// 'ケース番号,相談者' and 'R1,あ' in CP932, byte by byte (あ = 82 A0, 相談 = 91 8A 92 6B).
const CP932_HEADER = Buffer.from([
  0x83, 0x50, 0x81, 0x5b, 0x83, 0x58, 0x94, 0xd4, 0x8d, 0x86, 0x2c, 0x91, 0x8a, 0x92, 0x6b, 0x8e, 0xd2,
])

describe('readLedger: CSV', () => {
  it('reads UTF-8 with a BOM, CRLF', async () => {
    const path = await dir.file(
      'cases.csv',
      Buffer.concat([BOM, Buffer.from('case_id, 氏名 \r\nA1,山田\r\nA2,\r\n')]),
    )
    expect(await readAll([path])).toEqual([
      {
        name: 'cases',
        headers: ['case_id', '氏名'],
        headerRowNumber: 1,
        rows: [
          { rowNumber: 2, cells: { case_id: 'A1', 氏名: '山田' } },
          { rowNumber: 3, cells: { case_id: 'A2', 氏名: null } },
        ],
      },
    ])
  })

  it('reads UTF-8 without a BOM, LF, and names the sheet after the file', async () => {
    const path = await dir.file('相談ケース.csv', 'ケース番号,受付日\nA1, 2021-08-31 \n')
    const [sheet] = await readAll([path])
    expect(sheet!.name).toBe('相談ケース')
    expect(sheet!.rows).toEqual([{ rowNumber: 2, cells: { ケース番号: 'A1', 受付日: '2021-08-31' } }])
  })

  it('detects CP932, including NEC special characters', async () => {
    const bytes = Buffer.concat([CP932_HEADER, Buffer.from('\r\nA1,'), Buffer.from([0x82, 0xa0, 0x87, 0x40])])
    const [sheet] = await readAll([await dir.file('sjis.csv', bytes)])
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
    const [sheet] = await readAll([await dir.file('late.csv', bytes)])
    expect(sheet!.rows.at(-1)).toEqual({ rowNumber: 20_002, cells: { id: '2', memo: '相談' } })
  })

  it('uses a forced encoding, and refuses bytes it cannot decode', async () => {
    const path = await dir.file('forced.csv', Buffer.concat([CP932_HEADER, Buffer.from('\n1,2\n')]))
    const [sheet] = await readAll([path], { encoding: 'cp932' })
    expect(sheet!.headers).toEqual(['ケース番号', '相談者'])
    const error = await refusal([path], { encoding: 'utf-8' })
    expect(error.reason).toBe('文字コードを判別できません。--encoding を指定してください')
  })

  it('drops the BOM of a UTF-8 file read with the encoding forced', async () => {
    const path = await dir.file('bom-forced.csv', Buffer.concat([BOM, Buffer.from('case_id\nA1\n')]))
    expect((await readAll([path], { encoding: 'utf-8' }))[0]!.headers).toEqual(['case_id'])
  })

  it('reads old Mac line ends (CR only)', async () => {
    const [sheet] = await readAll([await dir.file('cr.csv', 'id,x\r1,a\r2,b\r')])
    expect(sheet!.rows.map((r) => r.rowNumber)).toEqual([2, 3])
  })

  it('refuses bytes that are neither UTF-8 nor CP932', async () => {
    const path = await dir.file('garbage.csv', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0xfd, 0x0a]))
    expect((await refusal([path])).reason).toBe('文字コードを判別できません。--encoding を指定してください')
  })

  it('reads quoted fields with commas, quotes and line breaks; numbers rows as a spreadsheet app does', async () => {
    const csv = '\r\nid,concerns,note\r\n1,"就労\r\n医療受診","a, ""b"""\r\n\r\n2,,\r\n3\r\n,,\r\n'
    const [sheet] = await readAll([await dir.file('quoted.csv', csv)])
    expect(sheet!.headerRowNumber).toBe(2)
    expect(sheet!.rows).toEqual([
      { rowNumber: 3, cells: { id: '1', concerns: '就労\r\n医療受診', note: 'a, "b"' } },
      { rowNumber: 5, cells: { id: '2', concerns: null, note: null } },
      { rowNumber: 6, cells: { id: '3', concerns: null, note: null } },
    ])
  })

  it('ignores columns whose header is empty and keeps the first of a repeated header', async () => {
    const [sheet] = await readAll([await dir.file('cols.csv', 'a,,b,a\n1,x,2,3\n')])
    expect(sheet!.headers).toEqual(['a', 'b', 'a'])
    expect(sheet!.rows[0]!.cells).toEqual({ a: '1', b: '2' })
  })

  it('reports an unclosed quote by line, without the cell', async () => {
    const path = await dir.file('unclosed.csv', 'id,name\n1,"山田\n2,x\n')
    const error = await refusal([path])
    expect(error.reason).toMatch(/^CSV の形式が正しくありません/)
    expect(error.message).not.toContain('山田')
  })

  it('streams a 60,000-row file', async () => {
    const lines = ['case_id,opened_on,summary']
    for (let i = 1; i <= 60_000; i++) lines.push(`C${i},2021-08-31,"相談内容 ${i}, 詳細"`)
    const path = await dir.file('big.csv', `${lines.join('\r\n')}\r\n`)
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
