import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditLog,
  caseEvents,
  type casePeople,
  type casePersonPhones,
  cases,
  contacts,
} from '#server/db/schema/index.ts'
import { fieldsOf, intake } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { reportSchema } from '#shared/contracts/reports.ts'

let ctx: TestContext
let city: TestCity
let window: Session
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  window = await city.as('window_counsellor', { name: '窓口 三郎' })
})
afterAll(() => ctx.close())

/** The mother of the story: she calls about her 45-year-old son. */
const mother = {
  relationship: 'mother',
  name: '山田 花子',
  kana: 'やまだ はなこ',
  age: 72,
  livesWith: true,
  phones: [{ label: 'home', number: '０７５（１２３）４５６７' }],
  bestTime: '平日の午前',
  mayNameCity: false,
  mayLeaveMessage: false,
  keepFromPerson: true,
}

const firstCall = {
  time: '10:15',
  method: 'phone',
  minutes: 30,
  summary: '母親から電話。45歳の息子が10年ほど自室から出ない',
  nextStep: '来週、母親に折り返し電話',
}

/** What a failed intake must not have left behind, per city. */
async function stored(tenantId: string) {
  const n = async (
    table:
      | typeof cases
      | typeof contacts
      | typeof caseEvents
      | typeof auditLog
      | typeof casePeople
      | typeof casePersonPhones,
  ) => {
    const [row] = await ctx.db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId))
    return row!.n
  }
  return {
    cases: await n(cases),
    contacts: await n(contacts),
    events: await n(caseEvents),
    audit: await n(auditLog),
  }
}

async function openIntake(s: Session, overrides: Record<string, unknown> = {}) {
  const res = await s.post('/api/cases', intake({ firstContact: firstCall, ...overrides }))
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

describe('the intake records the first conversation', () => {
  it('stores the case and its first contact together, the contact dated on the opening day', async () => {
    const opened = await openIntake(window, { openedOn: '2026-11-20' })
    expect(opened).toMatchObject({ contactCount: 1, lastContactOn: '2026-11-20', firstConsulter: 'family' })
    expect(opened.firstContact).toMatchObject({
      caseId: opened.id,
      contactedOn: '2026-11-20',
      time: '10:15',
      method: 'phone',
      counterpart: 'family',
      staffId: window.user.id,
      staffName: '窓口 三郎',
      minutes: 30,
      summary: firstCall.summary,
      nextStep: firstCall.nextStep,
    })
    const timeline = (await window.get(`/api/cases/${opened.id}/contacts`)).json()
    expect(timeline.map((c: { id: string }) => c.id)).toEqual([opened.firstContact.id])
    const history = (await window.get(`/api/cases/${opened.id}/history`)).json()
    expect(history.map((e: { action: string }) => e.action).sort()).toEqual(['contact_added', 'created'])
  })

  it('the contact’s staff member is the case’s, and a later date within today is kept', async () => {
    const colleague = await city.user('window_counsellor', { name: '窓口 四郎' })
    const opened = await openIntake(window, {
      openedOn: '2026-11-10',
      staffId: colleague.id,
      firstContact: { ...firstCall, contactedOn: '2026/11/12' },
    })
    expect(opened.firstContact).toMatchObject({ contactedOn: '2026-11-12', staffId: colleague.id })
  })

  it('audits the case and the contact by identifiers only', async () => {
    const opened = await openIntake(window)
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.actorId, window.user.id)))
    expect(rows.some((r) => r.action === 'case.create' && r.recordId === opened.id)).toBe(true)
    const contactRow = rows.find(
      (r) => r.action === 'contact.create' && r.recordId === opened.firstContact.id,
    )
    expect(contactRow?.detail).toEqual({ caseId: opened.id })
    expect(JSON.stringify(rows)).not.toContain('息子')
  })

  it('derives the contact’s 対象 from the first consulter, and the first consulter from the 対象', async () => {
    const byAgency = await openIntake(window, { firstConsulter: 'agency' })
    expect(byAgency.firstContact.counterpart).toBe('other')
    const bySelf = await openIntake(window, {
      firstConsulter: undefined,
      firstContact: { ...firstCall, counterpart: 'self' },
    })
    expect(bySelf.firstConsulter).toBe('self')
    expect(bySelf.firstContact.counterpart).toBe('self')
    // Both given: each is kept as stated (an agency worker may call with the person beside them).
    const both = await openIntake(window, {
      firstConsulter: 'agency',
      firstContact: { ...firstCall, counterpart: 'self' },
    })
    expect([both.firstConsulter, both.firstContact.counterpart]).toEqual(['agency', 'self'])
  })

  it('keeps the next step’s due date and time, for the home page’s list', async () => {
    const opened = await openIntake(window, {
      firstContact: { ...firstCall, nextStepDueOn: 'R8.11.30', nextStepDueTime: '9:30' },
    })
    expect(opened.firstContact).toMatchObject({ nextStepDueOn: '2026-11-30', nextStepDueTime: '09:30' })
  })

  it('without a first contact opens the case alone (the ledger’s and older clients’ way)', async () => {
    const res = await window.post('/api/cases', intake())
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ contactCount: 0, firstContact: null })
  })

  it('counts the first contact in 表3 like any other contact', async () => {
    const own = await ctx.newCity()
    const counsellor = await own.as('window_counsellor')
    await openIntake(counsellor, { openedOn: '2026-11-02' })
    await openIntake(counsellor, {
      openedOn: '2026-11-03',
      firstConsulter: 'self',
      firstContact: { ...firstCall, method: 'in_person' },
    })
    const res = await (await own.as('headquarters')).get('/api/reports?from=2026-04-01&to=2027-03-31')
    expect(res.statusCode, res.body).toBe(200)
    const c = reportSchema.parse(res.json()).consultations
    expect(c.contacts.byMethod.phone).toEqual({ self: 0, family: 1, other: 0, total: 1 })
    expect(c.contacts.byMethod.in_person).toEqual({ self: 1, family: 0, other: 0, total: 1 })
    expect(c.contacts.total.total).toBe(2)
    expect(c.byContactCount).toMatchObject({ single: 2, continuing: 0 })
    expect(c.monthlyInPerson.find((m) => m.month === '2026-11')!.count).toBe(1)
  })
})

describe('an invalid intake writes nothing', () => {
  it('reports the case’s and the contact’s errors together', async () => {
    const before = await stored(city.tenantId)
    const res = await window.post(
      '/api/cases',
      intake({
        ward: 'atlantis',
        openedOn: '2026-11-10',
        firstContact: { ...firstCall, contactedOn: '2026-11-09' },
      }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'firstContact.contactedOn', message: '受付日より前の日付です' },
        { field: 'ward', message: '区が見つかりません。一覧から選択してください' },
      ]),
    )
    expect(await stored(city.tenantId)).toEqual(before)
  })

  it('refuses a bad method, minutes or time of the first contact by field', async () => {
    const before = await stored(city.tenantId)
    const res = await window.post(
      '/api/cases',
      intake({ firstContact: { ...firstCall, method: 'fax', minutes: -5, time: '25:00' } }),
    )
    expect(res.statusCode).toBe(400)
    expect(fieldsOf(res.json()).sort()).toEqual([
      'firstContact.method',
      'firstContact.minutes',
      'firstContact.time',
    ])
    expect(res.json().errors.find((e: { field: string }) => e.field === 'firstContact.method').message).toBe(
      '手法を選択してください',
    )
    expect(await stored(city.tenantId)).toEqual(before)
  })

  it('needs to know who called: a first consulter or the contact’s 対象', async () => {
    const before = await stored(city.tenantId)
    const res = await window.post('/api/cases', intake({ firstConsulter: null }))
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([{ field: 'firstConsulter', message: '相談者を選択してください' }])
    expect(await stored(city.tenantId)).toEqual(before)
  })

  it('refuses a due time without a date and a due date before the contact, under firstContact', async () => {
    const before = await stored(city.tenantId)
    const timeOnly = await window.post(
      '/api/cases',
      intake({ firstContact: { ...firstCall, nextStepDueTime: '10:00' } }),
    )
    expect(timeOnly.statusCode).toBe(400)
    expect(fieldsOf(timeOnly.json())).toEqual(['firstContact.nextStepDueTime'])
    const early = await window.post(
      '/api/cases',
      intake({ openedOn: '2026-11-10', firstContact: { ...firstCall, nextStepDueOn: '2026-11-09' } }),
    )
    expect(early.statusCode).toBe(400)
    expect(fieldsOf(early.json())).toEqual(['firstContact.nextStepDueOn'])
    expect(await stored(city.tenantId)).toEqual(before)
  })

  it('refuses a first contact dated in the future', async () => {
    const res = await window.post(
      '/api/cases',
      intake({ firstContact: { ...firstCall, contactedOn: '2026-12-01' } }),
    )
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      { field: 'firstContact.contactedOn', message: '未来の日付は入力できません' },
    ])
  })

  it('refuses NUL and lone surrogates in each text field of the contact, and keeps zero-width and full-width text', async () => {
    const before = await stored(city.tenantId)
    for (const field of ['summary', 'nextStep', 'time', 'contactedOn', 'nextStepDueOn', 'nextStepDueTime']) {
      for (const [bad, message] of [
        ['a\u0000b', '制御文字（NUL など）は使えません'],
        ['a\uD800b', '壊れた文字（対になっていないサロゲート）は使えません'],
      ] as const) {
        const res = await window.post('/api/cases', intake({ firstContact: { ...firstCall, [field]: bad } }))
        expect(res.statusCode, `${field} ${JSON.stringify(bad)}`).toBe(400)
        expect(res.json().errors).toEqual([{ field: `firstContact.${field}`, message }])
      }
    }
    expect(await stored(city.tenantId)).toEqual(before)
    const text = 'ＡＢＣ\u200bﾊﾝｶｸ　全角スペース'
    const opened = await openIntake(window, { firstContact: { ...firstCall, summary: text, nextStep: text } })
    expect(opened.firstContact).toMatchObject({ summary: text, nextStep: text })
  })

  it('refuses full-width digits in minutes with a field message rather than guessing', async () => {
    const res = await window.post('/api/cases', intake({ firstContact: { ...firstCall, minutes: '３０' } }))
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      { field: 'firstContact.minutes', message: '所要時間は数字で入力してください' },
    ])
  })
})

describe('scope', () => {
  it('a ward centre’s intake and its first contact are hidden from another ward (404)', async () => {
    const kita = await city.as('ward_coordinator', { ward: 'kita' })
    const opened = await openIntake(kita, { wardRoute: 'ward_section' })
    expect(opened).toMatchObject({ intakeUnit: 'kita', contactCount: 1 })
    const sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })
    expect((await sakyo.get(`/api/cases/${opened.id}`)).statusCode).toBe(404)
    expect((await sakyo.get(`/api/cases/${opened.id}/contacts`)).statusCode).toBe(404)
    expect((await kita.get(`/api/cases/${opened.id}/contacts`)).json()).toHaveLength(1)
  })

  it('roles that do not take intakes are refused and nothing is written', async () => {
    const before = await stored(city.tenantId)
    for (const role of ['accompaniment_worker', 'agency_member', 'headquarters'] as const) {
      const res = await (await city.as(role)).post('/api/cases', intake({ firstContact: firstCall }))
      expect(res.statusCode, role).toBe(403)
    }
    const after = await stored(city.tenantId)
    expect({ ...after, audit: 0 }).toEqual({ ...before, audit: 0 })
  })
})

describe('who called: a new consulter', () => {
  it('adds the consulter with phone and cautions, names them in the first contact, and derives 相談者 and 対象', async () => {
    const opened = await openIntake(window, {
      firstConsulter: null,
      age: 45,
      name: null,
      kana: null,
      consulter: mother,
    })
    expect(opened).toMatchObject({ firstConsulter: 'family', household8050: true, contactCount: 1 })
    expect(opened.consulter).toMatchObject({
      caseId: opened.id,
      personNo: 1,
      relationship: 'mother',
      consulter: true,
      name: '山田 花子',
      age: 72,
      livesWith: true,
      phones: [{ label: 'home', number: '０７５（１２３）４５６７', digits: '0751234567' }],
      mayNameCity: false,
      mayLeaveMessage: false,
      keepFromPerson: true,
    })
    expect(opened.firstContact.counterpart).toBe('family')
    const [row] = await ctx.db.select().from(contacts).where(eq(contacts.id, opened.firstContact.id))
    expect(row!.personId).toBe(opened.consulter.id)
    const people = (await window.get(`/api/cases/${opened.id}/people`)).json()
    expect(people.map((p: { id: string }) => p.id)).toEqual([opened.consulter.id])
    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.recordId, opened.consulter.id)))
    expect(audit.map((r) => r.action)).toContain('person.create')
    expect(JSON.stringify(audit)).not.toContain('花子')
    expect(JSON.stringify(audit)).not.toContain('4567')
  })

  it('an agency worker opens a case as 関係機関 with 対象 その他; the person themself as 本人', async () => {
    const agency = await openIntake(window, {
      firstConsulter: null,
      consulter: { relationship: 'agency_staff', name: '包括 職員', phones: [{ number: '075-000-1111' }] },
    })
    expect([agency.firstConsulter, agency.firstContact.counterpart]).toEqual(['agency', 'other'])
    const self = await openIntake(window, {
      firstConsulter: null,
      consulter: { relationship: 'self', phones: [{ label: 'mobile', number: '090-1234-5678' }] },
    })
    expect([self.firstConsulter, self.firstContact.counterpart]).toEqual(['self', 'self'])
    // A stated 相談者 is kept.
    const stated = await openIntake(window, { firstConsulter: 'other', consulter: mother })
    expect([stated.firstConsulter, stated.firstContact.counterpart]).toEqual(['other', 'family'])
  })

  it('refuses a 対象 that contradicts the consulter’s 続柄, and writes nothing', async () => {
    const before = await stored(city.tenantId)
    const res = await window.post(
      '/api/cases',
      intake({ consulter: mother, firstContact: { ...firstCall, counterpart: 'self' } }),
    )
    expect(res.statusCode).toBe(400)
    expect(fieldsOf(res.json())).toEqual(['firstContact.counterpart'])
    expect(await stored(city.tenantId)).toEqual(before)
  })

  it('a bad phone number is a 400 under the consulter: no case, no contact, no person', async () => {
    const before = await stored(city.tenantId)
    const res = await window.post(
      '/api/cases',
      intake({ consulter: { ...mother, phones: [{ label: 'home', number: '075-12' }] } }),
    )
    expect(res.statusCode).toBe(400)
    expect(fieldsOf(res.json())).toEqual(['consulter.phones.0.number'])
    expect(JSON.stringify(res.json())).not.toContain('075-12')
    expect(await stored(city.tenantId)).toEqual(before)
  })

  it('refuses NUL and lone surrogates in each text field of the consulter; keeps zero-width and full-width text', async () => {
    const before = await stored(city.tenantId)
    for (const field of ['name', 'bestTime', 'address', 'mail']) {
      for (const bad of ['a\u0000b', 'a\uDC00b']) {
        const res = await window.post('/api/cases', intake({ consulter: { ...mother, [field]: bad } }))
        expect(res.statusCode, `${field} ${JSON.stringify(bad)}`).toBe(400)
        expect(fieldsOf(res.json())).toEqual([`consulter.${field}`])
      }
    }
    const phone = await window.post(
      '/api/cases',
      intake({ consulter: { ...mother, phones: [{ number: '075\u0000123' }] } }),
    )
    expect(fieldsOf(phone.json())).toEqual(['consulter.phones.0.number'])
    expect(await stored(city.tenantId)).toEqual(before)
    const text = 'ＹＡＭＡＤＡ\u200b　花子'
    const opened = await openIntake(window, { consulter: { ...mother, name: text, bestTime: text } })
    expect(opened.consulter).toMatchObject({ name: text, bestTime: text })
  })

  it('another ward’s coordinator sees neither the consulter nor the case (404)', async () => {
    const kita = await city.as('ward_coordinator', { ward: 'kita' })
    const opened = await openIntake(kita, { wardRoute: 'agency', consulter: mother })
    const sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })
    expect((await sakyo.get(`/api/cases/${opened.id}/people`)).statusCode).toBe(404)
    expect((await kita.get(`/api/cases/${opened.id}/people`)).json()).toHaveLength(1)
  })
})
