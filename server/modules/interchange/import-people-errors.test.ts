// Bad values in every column of the people sheet, odd characters (NUL, lone surrogates,
// zero-width, full-width) and a city-sized sheet of generated Japanese text: errors by sheet,
// row and column in Japanese, never quoting personal data, and nothing written on any error.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { aPerson, PEOPLE_HEAD, storedPeople } from './people-ledger.ts'
import type { ImportError } from './read/ledger.types.ts'
import { bookParts, japaneseText, random, sheetXml, zip } from './read/xlsx-testing.ts'
import { baseLedger, csvText, importDir, storedCounts, tempDir, writeCsv } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const C1 = '2021-00001'
const ok = { case_id: C1, person_no: '1', relationship: 'mother' }

/** Imports the base ledger plus `people` into a fresh city; expects exactly `expected` and no writes. */
async function expectRejected(people: string[][] | Buffer, expected: Partial<ImportError>[]) {
  const city = await ctx.newCity()
  const dir = baseLedger(tempDir())
  writeCsv(dir, 'people', Buffer.isBuffer(people) ? people : [PEOPLE_HEAD, ...people])
  const before = await storedCounts(ctx.db, city.tenantId)
  const result = await importDir(ctx.db, city.tenantId, [dir])
  expect(result.ok).toBe(false)
  expect(result.errors).toEqual(expected.map((e) => expect.objectContaining(e)))
  expect(await storedCounts(ctx.db, city.tenantId)).toEqual(before)
  return result
}

describe('bad values in the people sheet', () => {
  it.each([
    ['case_id', { case_id: 'X-9' }, 'ケース番号「X-9」のケースがありません'],
    ['case_id', { case_id: '' }, '「ケース番号」が空欄です'],
    ['person_no', { person_no: '' }, '「番号」が空欄です'],
    ['person_no', { person_no: '0' }, '1以上で入力してください'],
    ['person_no', { person_no: '1.5' }, '整数で入力してください'],
    ['person_no', { person_no: '一' }, '整数で入力してください'],
    ['relationship', { relationship: '' }, '「続柄」が空欄です'],
    [
      'relationship',
      { relationship: '叔母' },
      '「叔母」は使用できない値です。使える値：本人、母、父、きょうだい、配偶者、祖父母、子、その他親族、関係機関職員、その他',
    ],
    [
      'consulter',
      { consulter: 'たぶん' },
      '使用できない値です。使える値：はい・いいえ（yes・no、はい・いいえ、可・不可、○・× も可）',
    ],
    ['kana', { kana: 'Yamada' }, 'ふりがなはひらがなかカタカナで入力してください（空白は使えます）'],
    ['kana', { kana: '山田はなこ' }, 'ふりがなはひらがなかカタカナで入力してください（空白は使えます）'],
    ['age', { age: '-1' }, '0以上で入力してください'],
    ['age', { age: '151' }, '150以下で入力してください'],
    ['age', { age: '七十' }, '整数で入力してください'],
    [
      'lives_with',
      { lives_with: '近所' },
      '使用できない値です。使える値：同居・別居（yes・no、はい・いいえ、可・不可、○・× も可）',
    ],
    ['phones', { phones: '075-123-4567 内線' }, '電話番号には数字・ハイフン・空白・括弧のみ使えます'],
    ['phones', { phones: '実家:075-123-4567' }, '電話番号には数字・ハイフン・空白・括弧のみ使えます'],
    ['phones', { phones: '075-123-4567;12' }, '2件目：電話番号は6〜15桁の数字で入力してください'],
    [
      'may_name_city',
      { may_name_city: '要確認' },
      '使用できない値です。使える値：はい・いいえ（yes・no、はい・いいえ、可・不可、○・× も可）',
    ],
    [
      'may_leave_message',
      { may_leave_message: '△' },
      '使用できない値です。使える値：はい・いいえ（yes・no、はい・いいえ、可・不可、○・× も可）',
    ],
    [
      'keep_from_person',
      { keep_from_person: '2' },
      '使用できない値です。使える値：はい・いいえ（yes・no、はい・いいえ、可・不可、○・× も可）',
    ],
    [
      'care',
      { care: '要介護;デイサービス' },
      '「デイサービス」は使用できない値です。使える値：要介護、地域包括支援センター、ケアマネジャー、生活保護、その他',
    ],
  ])('%s: %j', async (column, values, reason) => {
    await expectRejected([aPerson({ ...ok, ...values })], [{ sheet: 'people', row: 2, column, reason }])
  })

  it('a number twice in one case (the same number in another case is fine)', async () => {
    await expectRejected(
      [aPerson(ok), aPerson({ ...ok, relationship: 'father' }), aPerson({ ...ok, case_id: '2021-00002' })],
      [{ sheet: 'people', row: 3, column: 'person_no', reason: '番号「1」が重複しています（最初は2行目）' }],
    )
  })

  it('a missing required column', async () => {
    const city = await ctx.newCity()
    const dir = baseLedger(tempDir())
    writeCsv(dir, 'people', [
      ['case_id', 'relationship'],
      [C1, 'mother'],
    ])
    const result = await importDir(ctx.db, city.tenantId, [dir])
    expect(result.errors).toEqual([
      { sheet: 'people', row: 1, column: 'person_no', reason: '必須の列「番号」がありません' },
    ])
  })

  it('reports every bad cell of every row, and quotes no personal data', async () => {
    const result = await expectRejected(
      [
        aPerson({ ...ok, kana: '山田 花子', phones: '075-123-4567 内線5' }),
        aPerson({ ...ok, person_no: '2', lives_with: '山田 花子と同居', consulter: '山田' }),
      ],
      [
        { row: 2, column: 'kana' },
        { row: 2, column: 'phones' },
        { row: 3, column: 'consulter' },
        { row: 3, column: 'lives_with' },
      ],
    )
    const text = JSON.stringify(result)
    for (const secret of ['山田', '花子', '075', '内線']) expect(text).not.toContain(secret)
  })
})

describe('odd characters', () => {
  it('NUL in a CSV: the file is refused, nothing written', async () => {
    const bytes = Buffer.concat([
      Buffer.from(csvText([PEOPLE_HEAD.slice(0, 5)])),
      Buffer.from(`${C1},1,mother,yes,山田\u0000花子\r\n`),
    ])
    await expectRejected(bytes, [
      { sheet: 'people.csv', reason: '表計算ファイル（.xlsx または .csv）として読み取れません' },
    ])
  })

  it('a lone surrogate in a workbook cell: refused, nothing written', async () => {
    const city = await ctx.newCity()
    await importDir(ctx.db, city.tenantId, [baseLedger(tempDir())])
    const before = await storedCounts(ctx.db, city.tenantId)
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`
    const rows = [
      `<row r="1">${cell('A1', 'case_id')}${cell('B1', 'person_no')}${cell('C1', 'relationship')}${cell('D1', 'name')}</row>`,
      `<row r="2">${cell('A2', C1)}<c r="B2"><v>1</v></c>${cell('C2', 'mother')}${cell('D2', '山田&#xD800;花子')}</row>`,
    ]
    const path = join(tempDir(), 'people.xlsx')
    writeFileSync(
      path,
      zip([
        ...bookParts(['相談者・世帯員']),
        { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rows.join('')) },
      ]),
    )
    const result = await importDir(ctx.db, city.tenantId, [path])
    expect(result.ok).toBe(false)
    expect(JSON.stringify(result.errors)).not.toContain('花子')
    expect(await storedCounts(ctx.db, city.tenantId)).toEqual(before)
  })

  it('zero-width characters: refused in ふりがな and phone numbers, kept as typed in names', async () => {
    await expectRejected(
      [
        aPerson({ ...ok, kana: 'やまだ\u200bはなこ' }),
        aPerson({ ...ok, person_no: '2', phones: '075\u200b-123-4567' }),
      ],
      [
        { row: 2, column: 'kana' },
        { row: 3, column: 'phones' },
      ],
    )
    const city = await ctx.newCity()
    const dir = baseLedger(tempDir())
    writeCsv(dir, 'people', [PEOPLE_HEAD, aPerson({ ...ok, name: '山\u200b田 花子' })])
    expect((await importDir(ctx.db, city.tenantId, [dir])).errors).toEqual([])
    expect((await storedPeople(ctx.db, city.tenantId))[0]!.name).toBe('山\u200b田 花子')
  })

  it('full-width digits, letters and colons are read as their plain forms', async () => {
    const city = await ctx.newCity()
    const dir = baseLedger(tempDir())
    writeCsv(dir, 'people', [
      PEOPLE_HEAD,
      aPerson({
        case_id: C1,
        person_no: '１２',
        relationship: 'ｍｏｔｈｅｒ',
        consulter: 'ＹＥＳ',
        age: '７２',
        phones: '自宅：０７５－１２３－４５６７',
        care: 'ｃａｒｅ＿ｎｅｅｄｓ',
        kana: 'ﾔﾏﾀﾞ　ﾊﾅｺ',
      }),
    ])
    expect((await importDir(ctx.db, city.tenantId, [dir])).errors).toEqual([])
    expect((await storedPeople(ctx.db, city.tenantId))[0]).toMatchObject({
      personNo: 12,
      relationship: 'mother',
      consulter: true,
      age: 72,
      kana: 'ヤマダ ハナコ',
      care: ['care_needs'],
      phones: [{ label: 'home', number: '０７５－１２３－４５６７', digits: '0751234567' }],
    })
  })
})

describe('a city-sized people sheet', () => {
  it('imports thousands of people with Japanese text, then reports every error of a bad copy', async () => {
    const city = await ctx.newCity()
    const next = random(9)
    const n = 3000
    const caseRows = [['case_id', 'opened_on', 'intake_unit', 'first_consulter']]
    const people = [PEOPLE_HEAD]
    for (let i = 0; i < n / 3; i++) {
      const caseNo = `G-${i}`
      caseRows.push([caseNo, '2021-04-01', 'window', 'family'])
      for (let no = 1; no <= 3; no++)
        people.push(
          aPerson({
            case_id: caseNo,
            person_no: String(no),
            relationship: ['mother', '父', '本人'][no - 1]!,
            name: japaneseText(next, 12),
            kana: 'やまだ ハナコ',
            address: japaneseText(next, 30),
            best_time: japaneseText(next, 8),
            age: String(40 + no * 10),
            lives_with: '同居',
            phones: `携帯:０９０-${String(i).padStart(4, '0')}-${no}${no}${no}${no};自宅:(075) 000 ${String(i).padStart(4, '0')}`,
            care: no === 1 ? '要介護' : '',
          }),
        )
    }
    const dir = tempDir()
    writeCsv(dir, 'cases', caseRows)
    writeCsv(dir, 'people', people)
    const result = await importDir(ctx.db, city.tenantId, [dir])
    expect(result.errors).toEqual([])
    expect(result.counts.people).toEqual({ added: n, updated: 0 })
    const stored = await storedPeople(ctx.db, city.tenantId)
    expect(stored).toHaveLength(n)
    expect(stored.flatMap((p) => p.phones)).toHaveLength(2 * n)
    const first = stored.find((p) => p.caseNo === 'G-7' && p.personNo === 2)!
    expect(first.name).toBe(people[3 * 7 + 2]![4])
    expect(first.phones.map((p) => p.digits)).toEqual(['09000072222', '0750000007'])

    // The same sheet with every hundredth kana in rōmaji: each one reported, nothing written.
    const bad = people.map((row, i) =>
      i > 0 && i % 100 === 0 ? row.map((v, j) => (j === 5 ? 'yamada' : v)) : row,
    )
    writeCsv(dir, 'people', bad)
    const before = await storedCounts(ctx.db, city.tenantId)
    const again = await importDir(ctx.db, city.tenantId, [dir])
    expect(again.errorCount).toBe(n / 100)
    expect(
      again.errors.every((e) => e.sheet === 'people' && e.column === 'kana' && (e.row - 1) % 100 === 0),
    ).toBe(true)
    expect(await storedCounts(ctx.db, city.tenantId)).toEqual(before)
  })
})
