import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, casePeople, casePersonPhones, contacts } from '#server/db/schema/index.ts'
import { fieldsOf, openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { PHONE_MESSAGES } from '#shared/phone.ts'
import { NAMED_BY_CONTACTS } from './people.service.ts'
import { addPerson, aMother, deletePerson } from './test-support.ts'

let ctx: TestContext
let city: TestCity
let window: Session

beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  window = await city.as('window_counsellor', { name: '窓口 次郎' })
})
afterAll(() => ctx.close())

async function storedPeople(caseId: string) {
  const people = await ctx.db
    .select()
    .from(casePeople)
    .where(and(eq(casePeople.tenantId, city.tenantId), eq(casePeople.caseId, caseId)))
  const phones = await ctx.db
    .select()
    .from(casePersonPhones)
    .where(and(eq(casePersonPhones.tenantId, city.tenantId), eq(casePersonPhones.caseId, caseId)))
  return { people: people.length, phones: phones.length }
}

describe('adding and listing people', () => {
  it('numbers people within the case, keeps phones as typed with their digits, and lists them by number', async () => {
    const c = await openCase(window)
    const mother = await addPerson(
      window,
      c.id,
      aMother({
        phones: [
          { label: 'home', number: ' ０７５（１２３）４５６７ ' },
          { label: 'mobile', number: '090-1234-5678' },
          { number: '075 111 2222' },
        ],
        address: '京都市左京区下鴨1-2-3',
        care: ['care_manager', 'care_manager'],
        keepFromPerson: true,
      }),
    )
    expect(mother).toMatchObject({
      caseId: c.id,
      personNo: 1,
      relationship: 'mother',
      consulter: true,
      name: '山田 花子',
      age: 72,
      livesWith: true,
      ward: 'sakyo',
      mayNameCity: false,
      mayLeaveMessage: null,
      keepFromPerson: true,
      care: ['care_manager'],
      version: 1,
      phones: [
        { label: 'home', number: '０７５（１２３）４５６７', digits: '0751234567' },
        { label: 'mobile', number: '090-1234-5678', digits: '09012345678' },
        { label: null, number: '075 111 2222', digits: '0751112222' },
      ],
    })
    const father = await addPerson(window, c.id, {
      relationship: 'father',
      consulter: false,
      address: '大阪市北区梅田',
    })
    expect(father).toMatchObject({ personNo: 2, consulter: false, ward: null, phones: [], care: [] })
    const list = await window.get(`/api/cases/${c.id}/people`)
    expect(list.statusCode).toBe(200)
    expect(list.json().map((p: { personNo: number }) => p.personNo)).toEqual([1, 2])
    expect(list.json()[0].phones.map((p: { digits: string }) => p.digits)).toEqual([
      '0751234567',
      '09012345678',
      '0751112222',
    ])
  })

  it('takes the next number after the highest, even when one in between was deleted', async () => {
    const c = await openCase(window)
    const one = await addPerson(window, c.id)
    const two = await addPerson(window, c.id, { relationship: 'father' })
    expect((await deletePerson(window, c.id, one.id, 1)).statusCode).toBe(204)
    expect(two.personNo).toBe(2)
    expect((await addPerson(window, c.id, { relationship: 'sibling' })).personNo).toBe(3)
  })

  it('audits every read and change with identifiers only, never the values', async () => {
    const c = await openCase(window)
    const p = await addPerson(window, c.id)
    await window.get(`/api/cases/${c.id}/people`)
    await window.patch(`/api/cases/${c.id}/people/${p.id}`, { version: 1, bestTime: '夕方18時以降' })
    await deletePerson(window, c.id, p.id, 2)
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.actorId, window.user.id)))
    const mine = rows.filter(
      (r) => r.recordId === p.id || (r.recordId === c.id && r.action === 'person.list'),
    )
    expect(mine.map((r) => r.action).sort()).toEqual([
      'person.create',
      'person.delete',
      'person.list',
      'person.update',
    ])
    expect(mine.find((r) => r.action === 'person.update')?.detail).toEqual({
      caseId: c.id,
      fields: ['bestTime'],
    })
    expect(mine.find((r) => r.action === 'person.list')?.detail).toEqual({ count: 1 })
    const text = JSON.stringify(rows)
    for (const secret of ['山田', '花子', '0751234567', '０７５', '夕方']) expect(text).not.toContain(secret)
  })
})

describe('changing people', () => {
  it('changes only the fields sent, replaces the phones as a list, rederives the ward and counts the version', async () => {
    const c = await openCase(window)
    const p = await addPerson(window, c.id, aMother({ address: '京都市左京区' }))
    const res = await window.patch(`/api/cases/${c.id}/people/${p.id}`, {
      version: 1,
      phones: [{ label: 'mobile', number: '080-9999-0000' }],
      address: '京都市伏見区深草',
      mayLeaveMessage: false,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      name: '山田 花子',
      age: 72,
      ward: 'fushimi',
      mayLeaveMessage: false,
      mayNameCity: false,
      version: 2,
      phones: [{ label: 'mobile', number: '080-9999-0000', digits: '08099990000' }],
    })
    expect(await storedPeople(c.id)).toEqual({ people: 1, phones: 1 })
    const cleared = await window.patch(`/api/cases/${c.id}/people/${p.id}`, {
      version: 2,
      address: null,
      name: '',
    })
    expect(cleared.json()).toMatchObject({ address: null, ward: null, name: null, version: 3 })
  })

  it('keeps the version when nothing changes, and refuses a change made on an older version with 409', async () => {
    const c = await openCase(window)
    const p = await addPerson(window, c.id)
    const same = await window.patch(`/api/cases/${c.id}/people/${p.id}`, {
      version: 1,
      name: '山田 花子',
      phones: [{ label: 'home', number: '０７５（１２３）４５６７' }],
    })
    expect(same.json().version).toBe(1)
    await window.patch(`/api/cases/${c.id}/people/${p.id}`, { version: 1, age: 73 })
    const stale = await window.patch(`/api/cases/${c.id}/people/${p.id}`, { version: 1, age: 74 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().detail).toBe('他の職員が先に更新しました。画面を再読み込みしてください。')
    expect((await deletePerson(window, c.id, p.id, 1)).statusCode).toBe(409)
    expect(await storedPeople(c.id)).toEqual({ people: 1, phones: 1 })
  })

  it('answers 404 for a person of another case', async () => {
    const a = await openCase(window)
    const b = await openCase(window)
    const onA = await addPerson(window, a.id)
    expect(
      (await window.patch(`/api/cases/${b.id}/people/${onA.id}`, { version: 1, age: 1 })).statusCode,
    ).toBe(404)
    expect((await deletePerson(window, b.id, onA.id, 1)).statusCode).toBe(404)
  })

  it('refuses changes on a closed case with 409 until it is reopened', async () => {
    const c = await openCase(window)
    await window.post(`/api/cases/${c.id}/close`, {
      version: 1,
      closedOn: '2026-11-20',
      closureReason: 'advice',
    })
    const res = await window.post(`/api/cases/${c.id}/people`, aMother())
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toBe(
      '終結したケースの相談者・世帯は変更できません。再開してから変更してください。',
    )
    expect((await window.get(`/api/cases/${c.id}/people`)).statusCode).toBe(200)
  })
})

describe('deleting people', () => {
  it('deletes a person with their phones', async () => {
    const c = await openCase(window)
    const p = await addPerson(window, c.id)
    expect(await storedPeople(c.id)).toEqual({ people: 1, phones: 1 })
    expect((await deletePerson(window, c.id, p.id, 1)).statusCode).toBe(204)
    expect(await storedPeople(c.id)).toEqual({ people: 0, phones: 0 })
  })

  it('refuses with 409 while a contact names the person, and keeps everything', async () => {
    const c = await openCase(window)
    const p = await addPerson(window, c.id)
    await ctx.db.insert(contacts).values({
      tenantId: city.tenantId,
      caseId: c.id,
      contactedOn: '2026-11-15',
      method: 'phone',
      counterpart: 'family',
      personId: p.id,
    })
    const res = await deletePerson(window, c.id, p.id, 1)
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toBe(NAMED_BY_CONTACTS)
    expect(await storedPeople(c.id)).toEqual({ people: 1, phones: 1 })
  })
})

describe('bad input', () => {
  it.each([
    ['12345', PHONE_MESSAGES.length],
    ['1234567890123456', PHONE_MESSAGES.length],
    ['075-123-456a', PHONE_MESSAGES.characters],
    ['075\u200b1234567', PHONE_MESSAGES.characters],
    ['075-123-4567 内線2', PHONE_MESSAGES.characters],
  ])(
    'refuses the phone number %j with a Japanese field error and writes nothing',
    async (number, message) => {
      const c = await openCase(window)
      const res = await window.post(
        `/api/cases/${c.id}/people`,
        aMother({ phones: [{ number: '0751234567' }, { number }] }),
      )
      expect(res.statusCode).toBe(400)
      expect(res.json().errors).toEqual([{ field: 'phones.1.number', message }])
      expect(res.body).not.toContain(number)
      expect(await storedPeople(c.id)).toEqual({ people: 0, phones: 0 })
    },
  )

  it('refuses a missing relationship, an unknown label, a bad age, kana and mail by field', async () => {
    const c = await openCase(window)
    const res = await window.post(`/api/cases/${c.id}/people`, {
      relationship: 'uncle',
      age: -1,
      kana: 'Yamada',
      mail: 'yamada.example.jp',
      phones: [{ label: 'fax', number: '0751234567' }],
      care: ['unknown_kind'],
    })
    expect(res.statusCode).toBe(400)
    expect(fieldsOf(res.json()).sort()).toEqual([
      'age',
      'care.0',
      'kana',
      'mail',
      'phones.0.label',
      'relationship',
    ])
    expect(res.json().errors.find((e: { field: string }) => e.field === 'relationship').message).toBe(
      '続柄を選択してください',
    )
    expect(await storedPeople(c.id)).toEqual({ people: 0, phones: 0 })
  })

  const TEXT_FIELDS = ['name', 'kana', 'mail', 'address', 'bestTime'] as const
  const BAD: [string, string][] = [
    ['NUL', 'a\u0000b'],
    ['a lone surrogate', 'a\ud800b'],
  ]
  for (const field of TEXT_FIELDS) {
    it.each(BAD)(`refuses %s in ${field} (and in a phone number) with a field error`, async (_what, bad) => {
      const c = await openCase(window)
      const res = await window.post(`/api/cases/${c.id}/people`, aMother({ [field]: bad }))
      expect(res.statusCode).toBe(400)
      expect(fieldsOf(res.json())).toEqual([field])
      const phone = await window.post(
        `/api/cases/${c.id}/people`,
        aMother({ phones: [{ number: `075${bad}1234567` }] }),
      )
      expect(fieldsOf(phone.json())).toEqual(['phones.0.number'])
      const patch = await window.patch(`/api/cases/${c.id}/people/${crypto.randomUUID()}`, {
        version: 1,
        [field]: bad,
      })
      expect(fieldsOf(patch.json())).toEqual([field])
      expect(await storedPeople(c.id)).toEqual({ people: 0, phones: 0 })
    })
  }

  it('keeps zero-width and full-width characters in names, kana, addresses and times as typed', async () => {
    const c = await openCase(window)
    const p = await addPerson(
      window,
      c.id,
      aMother({
        name: '山田\u200b　花子',
        kana: 'ヤマダ　ハナコ',
        address: '京都市左京区下鴨１－２－３',
        bestTime: '１８時以降',
      }),
    )
    expect(p).toMatchObject({
      name: '山田\u200b　花子',
      kana: 'ヤマダ　ハナコ',
      address: '京都市左京区下鴨１－２－３',
      ward: 'sakyo',
      bestTime: '１８時以降',
    })
  })

  it('reads a full-width mail address as its ASCII form and refuses one hiding a zero-width space', async () => {
    const c = await openCase(window)
    const p = await addPerson(window, c.id, aMother({ mail: 'ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ' }))
    expect(p.mail).toBe('hanako@example.jp')
    const res = await window.post(`/api/cases/${c.id}/people`, aMother({ mail: 'hana\u200bko@example.jp' }))
    expect(res.json().errors).toEqual([{ field: 'mail', message: 'メールアドレスの形式が正しくありません' }])
  })
})

describe('the case history', () => {
  it('records who was added, what changed from what, and who was removed, with the staff member', async () => {
    const c = await openCase(window)
    const mother = await addPerson(window, c.id, aMother({ phones: [{ number: '075-123-4567' }] }))
    const changed = await window.patch(`/api/cases/${c.id}/people/${mother.id}`, {
      version: mother.version,
      age: 73,
      phones: [{ number: '090-1111-2222' }],
    })
    expect(changed.statusCode, changed.body).toBe(200)
    // A change that changes nothing is no history entry.
    await window.patch(`/api/cases/${c.id}/people/${mother.id}`, { version: changed.json().version, age: 73 })
    const removed = await deletePerson(window, c.id, mother.id, changed.json().version)
    expect(removed.statusCode, removed.body).toBe(204)

    const history = (await window.get(`/api/cases/${c.id}/history`)).json() as {
      action: string
      actorName: string
      changes: { field: string; from: string | null; to: string | null }[]
    }[]
    // The test clock stands still, so the entries share one time: compare them in a fixed order.
    const ORDER = ['person_added', 'person_updated', 'person_removed']
    const people = history
      .filter((e) => e.action.startsWith('person_'))
      .sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action))
    expect(people.map((e) => [e.action, e.actorName, e.changes])).toEqual([
      [
        'person_added',
        '窓口 次郎',
        [
          { field: 'person.relationship', from: null, to: 'mother' },
          { field: 'person.name', from: null, to: '山田 花子' },
        ],
      ],
      [
        'person_updated',
        '窓口 次郎',
        [
          { field: 'person.age', from: '72', to: '73' },
          { field: 'person.phones', from: '075-123-4567', to: '090-1111-2222' },
        ],
      ],
      [
        'person_removed',
        '窓口 次郎',
        [
          { field: 'person.relationship', from: 'mother', to: null },
          { field: 'person.name', from: '山田 花子', to: null },
        ],
      ],
    ])
  })
})
