// Exporting the people sheet and contacts' person_no: round trips through CSV and xlsx, only the
// first three columns without --personal, and the formula guard on its free text and numbers.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { casePersonPhones } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { exportLedger } from './export-ledger.ts'
import { aPerson, PEOPLE_HEAD, storedContactPeople, storedPeople } from './people-ledger.ts'
import { baseLedger, importDir, NOW, tempDir, writeCsv } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const C1 = '2021-00001'
const C2 = '2021-00002'

function ledger(dir: string) {
  baseLedger(dir)
  writeCsv(dir, 'people', [
    PEOPLE_HEAD,
    aPerson({
      case_id: C1,
      person_no: '1',
      relationship: '母',
      name: '山田 花子',
      kana: 'やまだ はなこ',
      age: '72',
      lives_with: '同居',
      phones: '自宅:075-123-4567;携帯：０９０（１２３４）５６７８;075 000 1111',
      mail: 'hanako@example.jp',
      address: '京都市北区紫野1-1, 2F',
      best_time: '平日の午前;夕方は不可',
      may_name_city: '不可',
      may_leave_message: '○',
      keep_from_person: 'はい',
      care: '要介護;ケアマネジャー',
    }),
    aPerson({ case_id: C1, person_no: '2', relationship: 'self', consulter: 'no' }),
    aPerson({
      case_id: C2,
      person_no: '3',
      relationship: 'agency_staff',
      name: '=HYPERLINK("http://x/","y")',
    }),
  ])
  writeCsv(dir, 'contacts', [
    ['case_id', 'contacted_on', 'method', 'counterpart', 'person_no', 'summary'],
    [C1, '2021-04-05', 'phone', '', '1', '母から電話'],
    [C1, '2021-04-12', 'in_person', 'self', '2', ''],
    [C2, '2021-05-10', 'phone', 'other', '3', ''],
    [C2, '2021-05-11', 'phone', 'family', '', ''],
  ])
  return dir
}

const csvFiles = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))
const rowsOf = (text: string) => parse(text.replace(/^\uFEFF/u, '')) as string[][]

describe('exporting people', () => {
  it('CSV: import → export with personal data → import into an empty city gives the same data and files', async () => {
    const a = await ctx.newCity()
    expect((await importDir(ctx.db, a.tenantId, [ledger(tempDir())])).errors).toEqual([])
    const outA = tempDir()
    const summary = await exportLedger(ctx.db, a.tenantId, {
      out: outA,
      personal: true,
      actor: null,
      now: NOW,
    })
    expect(summary.rows.people).toBe(3)
    const b = await ctx.newCity()
    expect((await importDir(ctx.db, b.tenantId, [outA])).errors).toEqual([])
    expect(await storedPeople(ctx.db, b.tenantId)).toEqual(await storedPeople(ctx.db, a.tenantId))
    expect(await storedContactPeople(ctx.db, b.tenantId)).toEqual(
      await storedContactPeople(ctx.db, a.tenantId),
    )
    const outB = tempDir()
    await exportLedger(ctx.db, b.tenantId, { out: outB, personal: true, actor: null, now: NOW })
    expect(csvFiles(outB)).toEqual(csvFiles(outA))

    const people = rowsOf(csvFiles(outA)['people.csv']!)
    expect(people[0]).toEqual([
      'ケース番号',
      '番号',
      '続柄',
      '相談者',
      '氏名',
      'ふりがな',
      '年齢',
      '同居',
      '電話番号',
      'メールアドレス',
      '住所',
      '連絡のつきやすい時間',
      '市役所名を名乗る',
      '留守電',
      '本人に知られないように',
      '介護・支援機関',
    ])
    expect(people[1]).toEqual([
      C1,
      '1',
      'mother',
      'yes',
      '山田 花子',
      'やまだ はなこ',
      '72',
      'yes',
      'home:075-123-4567;mobile:０９０（１２３４）５６７８;075 000 1111',
      'hanako@example.jp',
      '京都市北区紫野1-1, 2F',
      // Free text with ';' would split on import: it is one cell here, as stored.
      '平日の午前;夕方は不可',
      'no',
      'yes',
      'yes',
      'care_needs;care_manager',
    ])
    const contacts = rowsOf(csvFiles(outA)['contacts.csv']!)
    const no = contacts[0]!.indexOf('相手の番号')
    expect(contacts.slice(1).map((r) => r[no])).toEqual(['1', '2', '3', ''])
  })

  it('xlsx: the same people and contacts in another city', async () => {
    const a = await ctx.newCity()
    await importDir(ctx.db, a.tenantId, [ledger(tempDir())])
    const file = join(tempDir(), 'ledger.xlsx')
    await exportLedger(ctx.db, a.tenantId, { out: file, personal: true, actor: null, now: NOW })
    const b = await ctx.newCity()
    const result = await importDir(ctx.db, b.tenantId, [file])
    expect(result.errors).toEqual([])
    expect(result.counts.people).toEqual({ added: 3, updated: 0 })
    expect(await storedPeople(ctx.db, b.tenantId)).toEqual(await storedPeople(ctx.db, a.tenantId))
    expect(await storedContactPeople(ctx.db, b.tenantId)).toEqual(
      await storedContactPeople(ctx.db, a.tenantId),
    )
  })

  it('without --personal: only case, number and 続柄, which import again (and keep what is stored)', async () => {
    const a = await ctx.newCity()
    await importDir(ctx.db, a.tenantId, [ledger(tempDir())])
    const before = await storedPeople(ctx.db, a.tenantId)
    const out = tempDir()
    await exportLedger(ctx.db, a.tenantId, { out, personal: false, actor: null, now: NOW })
    const files = csvFiles(out)
    expect(rowsOf(files['people.csv']!)).toEqual([
      ['ケース番号', '番号', '続柄'],
      [C1, '1', 'mother'],
      [C1, '2', 'self'],
      [C2, '3', 'agency_staff'],
    ])
    const all = Object.values(files).join('\n')
    for (const secret of ['山田', 'やまだ', '075', '0751234567', 'hanako', '紫野', '平日', 'HYPERLINK'])
      expect(all).not.toContain(secret)
    expect(rowsOf(files['contacts.csv']!)[0]).toContain('相手の番号')

    // Back into the same city: nothing changes; into an empty one: the people without their details.
    expect((await importDir(ctx.db, a.tenantId, [out])).counts.people).toEqual({ added: 0, updated: 0 })
    expect(await storedPeople(ctx.db, a.tenantId)).toEqual(before)
    const b = await ctx.newCity()
    expect((await importDir(ctx.db, b.tenantId, [out])).errors).toEqual([])
    expect((await storedPeople(ctx.db, b.tenantId)).map((p) => [p.personNo, p.name, p.phones])).toEqual([
      [1, null, []],
      [2, null, []],
      [3, null, []],
    ])
  })

  it('guards formulas in names and in numbers staff typed, and takes the guard off on import', async () => {
    const a = await ctx.newCity()
    await importDir(ctx.db, a.tenantId, [ledger(tempDir())])
    // The people API accepts a number that starts with a hyphen; the ledger then must not run it.
    await ctx.db
      .update(casePersonPhones)
      .set({ number: '-075-000-1111' })
      .where(eq(casePersonPhones.number, '075 000 1111'))
    const out = tempDir()
    await exportLedger(ctx.db, a.tenantId, { out, personal: true, actor: null, now: NOW })
    const people = rowsOf(csvFiles(out)['people.csv']!)
    expect(people[1]![8]).toBe("home:075-123-4567;mobile:０９０（１２３４）５６７８;'-075-000-1111")
    expect(people[3]![4]).toBe(`'=HYPERLINK("http://x/","y")`)
    const b = await ctx.newCity()
    expect((await importDir(ctx.db, b.tenantId, [out])).errors).toEqual([])
    const stored = await storedPeople(ctx.db, b.tenantId)
    expect(stored[0]!.phones[2]).toEqual({ label: null, number: '-075-000-1111', digits: '0750001111' })
    expect(stored[2]!.name).toBe('=HYPERLINK("http://x/","y")')
  })
})
