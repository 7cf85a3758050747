// The `people` sheet and contacts' person_no (docs/ledger-format.md): every column and value form,
// re-imports that replace a case's people, and the errors of contacts that name a person.
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, casePeople, contacts } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { aPerson, PEOPLE_HEAD, storedContactPeople, storedPeople } from './people-ledger.ts'
import { baseLedger, importDir, storedCounts, tempDir, writeCsv } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const C1 = '2021-00001'
const C2 = '2021-00002'

/** The base ledger (two cases, three contacts) and a people sheet for its first case. */
function ledgerWithPeople(dir: string, people: string[][] = defaultPeople()) {
  baseLedger(dir)
  writeCsv(dir, 'people', [PEOPLE_HEAD, ...people])
  return dir
}

const defaultPeople = () => [
  aPerson({
    case_id: C1,
    person_no: '1',
    relationship: '母',
    consulter: 'はい',
    name: '山田 花子',
    kana: 'ヤマダ\u3000ハナコ',
    age: '72',
    lives_with: '同居',
    phones: '自宅:075-123-4567;携帯：０９０（１２３４）５６７８',
    mail: 'hanako@example.jp',
    address: '京都市北区紫野1-1',
    best_time: '平日の午前',
    may_name_city: '不可',
    may_leave_message: '○',
    keep_from_person: 'yes',
    care: '要介護;地域包括支援センター',
  }),
  aPerson({ case_id: C1, person_no: '2', relationship: 'self', consulter: 'いいえ', lives_with: 'yes' }),
  aPerson({ case_id: C1, person_no: '3', relationship: 'agency_staff', consulter: '×', lives_with: '別居' }),
]

describe('importing the people sheet', () => {
  it('reads every column in every form the format allows', async () => {
    const city = await ctx.newCity()
    const result = await importDir(ctx.db, city.tenantId, [ledgerWithPeople(tempDir())])
    expect(result.errors).toEqual([])
    expect(result.counts.people).toEqual({ added: 3, updated: 0 })
    expect(await storedPeople(ctx.db, city.tenantId)).toEqual([
      {
        caseNo: C1,
        personNo: 1,
        relationship: 'mother',
        consulter: true,
        name: '山田 花子',
        kana: 'ヤマダ ハナコ',
        age: 72,
        livesWith: true,
        mail: 'hanako@example.jp',
        address: '京都市北区紫野1-1',
        ward: 'kita',
        bestTime: '平日の午前',
        mayNameCity: false,
        mayLeaveMessage: true,
        keepFromPerson: true,
        care: ['care_needs', 'chiiki_houkatsu'],
        phones: [
          { label: 'home', number: '075-123-4567', digits: '0751234567' },
          { label: 'mobile', number: '０９０（１２３４）５６７８', digits: '09012345678' },
        ],
      },
      expect.objectContaining({
        personNo: 2,
        relationship: 'self',
        consulter: false,
        livesWith: true,
        phones: [],
      }),
      expect.objectContaining({
        personNo: 3,
        relationship: 'agency_staff',
        consulter: false,
        livesWith: false,
        name: null,
        mayNameCity: null,
        care: [],
      }),
    ])
    // The audit row counts the sheet but holds nothing of what it says.
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, city.tenantId))
    expect(audit.at(-1)?.detail).toMatchObject({ counts: { people: { added: 3, updated: 0 } } })
    for (const text of ['山田 花子', 'ヤマダ', '0751234567', '075-123-4567', 'hanako', '紫野'])
      expect(JSON.stringify(audit)).not.toContain(text)
  })

  it('takes Japanese headers, and a sheet of only the three required columns (consulter by default)', async () => {
    const city = await ctx.newCity()
    const dir = baseLedger(tempDir())
    writeCsv(dir, 'people', [
      ['ケース番号', '番号', '続柄'],
      [C1, '１', 'きょうだい'],
      [C2, '1', 'father'],
    ])
    const result = await importDir(ctx.db, city.tenantId, [dir])
    expect(result.errors).toEqual([])
    const people = await storedPeople(ctx.db, city.tenantId)
    expect(people.map((p) => [p.caseNo, p.personNo, p.relationship, p.consulter, p.livesWith])).toEqual([
      [C1, 1, 'sibling', true, null],
      [C2, 1, 'father', true, null],
    ])
  })

  it('re-importing the same file writes nothing; a changed file replaces the people of the cases it names', async () => {
    const city = await ctx.newCity()
    const dir = ledgerWithPeople(tempDir(), [
      ...defaultPeople(),
      aPerson({
        case_id: C2,
        person_no: '1',
        relationship: 'father',
        name: '佐藤 一郎',
        phones: '075-999-0000',
      }),
    ])
    await importDir(ctx.db, city.tenantId, [dir])
    const [mother] = await ctx.db
      .select()
      .from(casePeople)
      .where(
        and(
          eq(casePeople.tenantId, city.tenantId),
          eq(casePeople.personNo, 1),
          eq(casePeople.name, '山田 花子'),
        ),
      )
    const before = await storedPeople(ctx.db, city.tenantId)
    const counts = await storedCounts(ctx.db, city.tenantId)
    const again = await importDir(ctx.db, city.tenantId, [dir])
    expect(again.counts.people).toEqual({ added: 0, updated: 0 })
    expect(await storedPeople(ctx.db, city.tenantId)).toEqual(before)
    expect(await storedCounts(ctx.db, city.tenantId)).toEqual(counts)

    // Case 1 now lists its mother (new phone) and a new father; its 2 and 3 are gone. Case 2 is
    // not in the file: its father stays.
    writeCsv(dir, 'people', [
      PEOPLE_HEAD,
      aPerson({
        case_id: C1,
        person_no: '1',
        relationship: 'mother',
        name: '山田 花子',
        phones: '携帯:090-0000-1111',
      }),
      aPerson({ case_id: C1, person_no: '4', relationship: 'father', age: '75' }),
    ])
    const changed = await importDir(ctx.db, city.tenantId, [dir])
    expect(changed.errors).toEqual([])
    expect(changed.counts.people).toEqual({ added: 1, updated: 3 })
    const after = await storedPeople(ctx.db, city.tenantId)
    expect(after.map((p) => [p.caseNo, p.personNo, p.relationship])).toEqual([
      [C1, 1, 'mother'],
      [C1, 4, 'father'],
      [C2, 1, 'father'],
    ])
    // Columns present replace (blank clears), so the mother's other answers are cleared.
    expect(after[0]).toMatchObject({
      age: null,
      care: [],
      phones: [{ label: 'mobile', number: '090-0000-1111', digits: '09000001111' }],
    })
    expect(after[2]!.phones).toEqual([{ label: null, number: '075-999-0000', digits: '0759990000' }])
    // The same person keeps their id (and so what refers to them), one version on.
    const [still] = await ctx.db.select().from(casePeople).where(eq(casePeople.id, mother!.id))
    expect(still).toMatchObject({ personNo: 1, version: 2 })
  })

  it('keeps stored personal columns when the file leaves them out (an export without --personal)', async () => {
    const city = await ctx.newCity()
    const dir = ledgerWithPeople(tempDir())
    await importDir(ctx.db, city.tenantId, [dir])
    const before = await storedPeople(ctx.db, city.tenantId)
    writeCsv(dir, 'people', [
      ['case_id', 'person_no', 'relationship'],
      [C1, '1', 'mother'],
      [C1, '2', 'self'],
      [C1, '3', 'agency_staff'],
    ])
    const result = await importDir(ctx.db, city.tenantId, [dir])
    expect(result.counts.people).toEqual({ added: 0, updated: 0 })
    expect(await storedPeople(ctx.db, city.tenantId)).toEqual(before)
  })
})

describe("contacts' person_no", () => {
  const CONTACT_HEAD = ['case_id', 'contacted_on', 'method', 'counterpart', 'person_no']

  it('names the person; a blank 対象 is derived from their 続柄, a matching one is accepted', async () => {
    const city = await ctx.newCity()
    const dir = ledgerWithPeople(tempDir())
    writeCsv(dir, 'contacts', [
      CONTACT_HEAD,
      [C1, '2021-04-05', 'phone', '', '1'],
      [C1, '2021-04-06', 'phone', '家族・親族', '1'],
      [C1, '2021-04-07', 'visit', '', '2'],
      [C1, '2021-04-08', 'phone', '', '3'],
      [C1, '2021-04-09', 'phone', 'family', ''],
    ])
    const result = await importDir(ctx.db, city.tenantId, [dir])
    expect(result.errors).toEqual([])
    expect(await storedContactPeople(ctx.db, city.tenantId)).toEqual([
      [C1, '2021-04-05', 'family', 1],
      [C1, '2021-04-06', 'family', 1],
      [C1, '2021-04-07', 'self', 2],
      [C1, '2021-04-08', 'other', 3],
      [C1, '2021-04-09', 'family', null],
    ])
    // Re-importing keeps every contact (same row ids): nothing changed.
    const ids = (await ctx.db.select().from(contacts).where(eq(contacts.tenantId, city.tenantId))).map(
      (c) => c.id,
    )
    expect((await importDir(ctx.db, city.tenantId, [dir])).counts.contacts).toEqual({ added: 0, updated: 0 })
    const again = (await ctx.db.select().from(contacts).where(eq(contacts.tenantId, city.tenantId))).map(
      (c) => c.id,
    )
    expect(again.sort()).toEqual(ids.sort())
  })

  it('a person already stored can be named by a later file without a people sheet', async () => {
    const city = await ctx.newCity()
    const dir = ledgerWithPeople(tempDir())
    await importDir(ctx.db, city.tenantId, [dir])
    const later = tempDir()
    writeCsv(later, 'contacts', [CONTACT_HEAD, [C1, '2021-05-01', '電話', '', '2']])
    const result = await importDir(ctx.db, city.tenantId, [later])
    expect(result.errors).toEqual([])
    expect(await storedContactPeople(ctx.db, city.tenantId)).toContainEqual([C1, '2021-05-01', 'self', 2])
  })

  it("follows a person's changed 続柄, and lets go of a removed person (the contact stays)", async () => {
    const city = await ctx.newCity()
    const dir = ledgerWithPeople(tempDir())
    writeCsv(dir, 'contacts', [
      CONTACT_HEAD,
      [C1, '2021-04-05', 'phone', '', '1'],
      [C1, '2021-04-06', 'phone', '', '3'],
    ])
    await importDir(ctx.db, city.tenantId, [dir])
    const people = tempDir()
    writeCsv(people, 'people', [PEOPLE_HEAD, aPerson({ case_id: C1, person_no: '1', relationship: 'other' })])
    const result = await importDir(ctx.db, city.tenantId, [people])
    expect(result.errors).toEqual([])
    expect(await storedContactPeople(ctx.db, city.tenantId)).toEqual([
      [C1, '2021-04-05', 'other', 1],
      [C1, '2021-04-06', 'other', null],
    ])
  })

  it('a case named in both sheets: its contacts and people are replaced together', async () => {
    const city = await ctx.newCity()
    const dir = ledgerWithPeople(tempDir())
    writeCsv(dir, 'contacts', [CONTACT_HEAD, [C1, '2021-04-05', 'phone', '', '3']])
    await importDir(ctx.db, city.tenantId, [dir])
    writeCsv(dir, 'people', [PEOPLE_HEAD, aPerson({ case_id: C1, person_no: '5', relationship: 'spouse' })])
    writeCsv(dir, 'contacts', [CONTACT_HEAD, [C1, '2021-04-07', 'phone', '', '5']])
    const result = await importDir(ctx.db, city.tenantId, [dir])
    expect(result.errors).toEqual([])
    expect(await storedContactPeople(ctx.db, city.tenantId)).toEqual([[C1, '2021-04-07', 'family', 5]])
    expect((await storedPeople(ctx.db, city.tenantId)).map((p) => p.personNo)).toEqual([5])
  })

  it.each([
    [
      'a 対象 that contradicts the person',
      [C1, '2021-04-05', 'phone', '本人', '1'],
      {
        column: 'counterpart',
        reason: '対象「本人」が番号1の人（続柄：母）と合いません。「家族・親族」にするか空欄にしてください',
      },
    ],
    [
      'a number the case does not have',
      [C1, '2021-04-05', 'phone', 'family', '9'],
      { column: 'person_no', reason: '番号9の相談者・世帯員がこのケースにいません' },
    ],
    [
      "another case's number",
      [C2, '2021-05-10', 'phone', '', '1'],
      { column: 'person_no', reason: '番号1の相談者・世帯員がこのケースにいません' },
    ],
    [
      'neither 対象 nor a number',
      [C1, '2021-04-05', 'phone', '', ''],
      { column: 'counterpart', reason: '「対象」が空欄です（相手の番号があれば省略できます）' },
    ],
    [
      'a number that is not one',
      [C1, '2021-04-05', 'phone', '', '一'],
      { column: 'person_no', reason: '整数で入力してください' },
    ],
    [
      'number 0',
      [C1, '2021-04-05', 'phone', '', '0'],
      { column: 'person_no', reason: '1以上で入力してください' },
    ],
  ])('refuses %s and writes nothing', async (_, row, error) => {
    const city = await ctx.newCity()
    const dir = ledgerWithPeople(tempDir())
    writeCsv(dir, 'contacts', [CONTACT_HEAD, row])
    const before = await storedCounts(ctx.db, city.tenantId)
    const result = await importDir(ctx.db, city.tenantId, [dir])
    expect(result.errors).toEqual([{ sheet: 'contacts', row: 2, ...error }])
    expect(await storedCounts(ctx.db, city.tenantId)).toEqual(before)
  })

  it('needs a 対象 or 相手の番号 column', async () => {
    const city = await ctx.newCity()
    const dir = ledgerWithPeople(tempDir())
    writeCsv(dir, 'contacts', [
      ['case_id', 'contacted_on', 'method'],
      [C1, '2021-04-05', 'phone'],
    ])
    const result = await importDir(ctx.db, city.tenantId, [dir])
    expect(result.errors).toEqual([
      { sheet: 'contacts', row: 1, column: 'counterpart', reason: '必須の列「対象」がありません' },
    ])
  })
})
