import { and, asc, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, caseStudyShares, cases } from '#server/db/schema/index.ts'
import { handOver, openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { Role } from '#shared/codes.ts'
import { aShare, del, scheduleMeeting, shareCase } from './test-support.ts'

let ctx: TestContext
let city: TestCity
let window: Session
let hq: Session
let meetingId: string
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  window = await city.as('window_counsellor', { name: '窓口 花子' })
  hq = await city.as('headquarters')
  meetingId = (await scheduleMeeting(hq)).id
})
afterAll(() => ctx.close())

async function shareCount(tenantId: string) {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(caseStudyShares)
    .where(eq(caseStudyShares.tenantId, tenantId))
  return row!.n
}

/** A case whose person has a name, kana, an age and dates that must never reach a share. */
async function personalCase(s: Session = window) {
  return openCase(s, {
    openedOn: '2026-04-03',
    name: '鈴木 一郎',
    kana: 'すずき いちろう',
    age: 34,
    concerns: ['work', 'family_relations'],
    firstConsulter: 'family',
    gender: 'male',
  })
}

describe('sharing a case to a case-study meeting', () => {
  it('copies the coarse facts itself and returns no case id, number, name, kana or date', async () => {
    const c = await personalCase()
    const res = await window.post(`/api/network-meetings/${meetingId}/shares`, aShare(c.id))
    expect(res.statusCode).toBe(201)
    const share = res.json()
    expect(share).toEqual({
      id: expect.any(String),
      title: aShare(c.id).title,
      origin: '相談窓口',
      ageBand: 'under40',
      gender: 'male',
      firstConsulter: 'family',
      concerns: ['work', 'family_relations'],
      lead: null,
      openedFiscalYear: '令和8年度',
      summary: aShare(c.id).summary,
      question: aShare(c.id).question,
      sharedByName: '窓口 花子',
      sharedAt: '2026-11-24T01:00:00.000Z',
      canDelete: true,
    })
  })

  it('shows the share to another ward’s coordinator with nothing that identifies the case', async () => {
    const c = await personalCase()
    await shareCase(window, meetingId, c.id)
    const kita = await city.as('ward_coordinator', { ward: 'kita' })
    const res = await kita.get(`/api/network-meetings/${meetingId}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.shares.length).toBeGreaterThan(0)
    const text = res.body
    for (const secret of [c.id, c.caseNo, '鈴木', '一郎', 'すずき', 'いちろう', '2026-04-03', '令和8年4月']) {
      expect(text, secret).not.toContain(secret)
    }
    expect(Object.keys(body.shares[0]).sort()).toEqual(
      [
        'id',
        'title',
        'origin',
        'ageBand',
        'gender',
        'firstConsulter',
        'concerns',
        'lead',
        'openedFiscalYear',
        'summary',
        'question',
        'sharedByName',
        'sharedAt',
        'canDelete',
      ].sort(),
    )
    expect(body.shares.every((s: { canDelete: boolean }) => !s.canDelete)).toBe(true)
    // The case itself stays out of reach for the other ward.
    expect((await kita.get(`/api/cases/${c.id}`)).statusCode).toBe(404)
  })

  it.each([
    ['summary', { summary: '鈴木一郎さんは自宅で過ごしている' }, '本人の氏名またはふりがな'],
    ['summary', { summary: 'スズキさんの母親から相談' }, '本人の氏名またはふりがな'],
    ['title', { title: '鈴木さんの事例' }, '本人の氏名またはふりがな'],
    ['title', { title: '2026-04-03受付の事例' }, '日付が含まれています'],
    ['summary', { summary: '令和8年4月3日に母親から電話' }, '日付が含まれています'],
    ['question', { question: 'R8.4.3以降の対応について' }, '日付が含まれています'],
    ['question', { question: '4月3日の面談を踏まえて' }, '日付が含まれています'],
  ])('refuses %s that identifies the person (%o) and writes nothing', async (field, overrides, message) => {
    const c = await personalCase()
    const before = await shareCount(city.tenantId)
    const res = await window.post(`/api/network-meetings/${meetingId}/shares`, aShare(c.id, overrides))
    expect(res.statusCode).toBe(400)
    const errors = res.json().errors as { field: string; message: string }[]
    expect(errors.map((e) => e.field)).toEqual([field])
    expect(errors[0]!.message).toContain(message)
    expect(await shareCount(city.tenantId)).toBe(before)
  })

  // Issue 8 §9: each of these was accepted, and every ward then read it.
  it.each([
    ['summary', '鈴\u200b木一郎さんは自宅で過ごしている', '本人の氏名またはふりがな'],
    ['title', 'ス\u200dズ\u200dキさんの事例', '本人の氏名またはふりがな'],
    ['summary', 'すず き いちろう さんの母親から相談', '本人の氏名またはふりがな'],
    ['summary', '11-26に受付', '日付が含まれています'],
    ['question', '今月26日に来所した際の様子について', '日付が含まれています'],
    ['summary', '１１／２６に面談', '日付が含まれています'],
    ['summary', '令和3年に離職', '日付が含まれています'],
    ['summary', '電話 075-123-4567', '電話番号が含まれています'],
    ['summary', '母の携帯は０９０\u200b１２３４\u200b５６７８', '電話番号が含まれています'],
    ['summary', '〒600-8001 北区紫野上門前町に住む', '住所または郵便番号が含まれています'],
    ['title', '紫野3丁目の事例', '住所または郵便番号が含まれています'],
  ])(
    'refuses %s %j with a Japanese message that does not repeat it, writes nothing, shows no ward',
    async (field, text, message) => {
      const c = await personalCase()
      const before = await shareCount(city.tenantId)
      const res = await window.post(
        `/api/network-meetings/${meetingId}/shares`,
        aShare(c.id, { [field]: text }),
      )
      expect(res.statusCode).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
      const errors = res.json().errors as { field: string; message: string }[]
      expect(errors).toEqual([{ field, message: expect.stringContaining(message) }])
      for (const secret of ['鈴木', 'スズキ', '075', '4567', '5678', '26', '600-8001', '紫野'])
        expect(res.body).not.toContain(secret)
      expect(await shareCount(city.tenantId)).toBe(before)
      const kita = await city.as('ward_coordinator', { ward: 'kita' })
      const seen = await kita.get(`/api/network-meetings/${meetingId}`)
      expect(seen.body).not.toContain(text)
    },
  )

  it('still shares an ordinary anonymised summary', async () => {
    const c = await personalCase()
    const res = await window.post(
      `/api/network-meetings/${meetingId}/shares`,
      aShare(c.id, {
        summary: '30代の本人は令和3年度に離職し、3か月前から昼夜逆転。週1-2回の訪問を続けている。母は70代。',
        question: '今月中に関係機関とどう調整するか',
      }),
    )
    expect(res.statusCode, res.body).toBe(201)
  })

  it('refuses the case number in the text', async () => {
    const c = await personalCase()
    const res = await window.post(
      `/api/network-meetings/${meetingId}/shares`,
      aShare(c.id, { summary: `ケース${c.caseNo}について` }),
    )
    expect(res.json().errors).toEqual([
      { field: 'summary', message: 'ケース番号が含まれています。ケース番号は書かずに共有してください' },
    ])
  })

  it('requires a title and a summary and names each missing field in Japanese', async () => {
    const res = await window.post(`/api/network-meetings/${meetingId}/shares`, { title: '', summary: ' ' })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'caseId', message: '共有するケースを選択してください' },
        { field: 'title', message: '表題を入力してください' },
        { field: 'summary', message: '概要を入力してください' },
      ]),
    )
  })

  it('refuses the same case twice, a case outside the caller’s scope, and an unknown case alike', async () => {
    const c = await personalCase()
    await shareCase(window, meetingId, c.id)
    const again = await window.post(`/api/network-meetings/${meetingId}/shares`, aShare(c.id))
    expect(again.json().errors).toEqual([
      { field: 'caseId', message: 'このケースはすでにこの会議に共有されています' },
    ])
    const kita = await city.as('ward_coordinator', { ward: 'kita' })
    const outside = await kita.post(`/api/network-meetings/${meetingId}/shares`, aShare(c.id))
    const unknown = await kita.post(
      `/api/network-meetings/${meetingId}/shares`,
      aShare('00000000-0000-4000-8000-000000000000'),
    )
    expect(outside.statusCode).toBe(400)
    expect(outside.json().errors).toEqual(unknown.json().errors)
    expect(outside.json().errors).toEqual([
      { field: 'caseId', message: 'ケースが見つかりません。担当しているケースの中から選択してください' },
    ])
  })

  it('shares only to a case-study meeting that is not past (409)', async () => {
    const c = await personalCase()
    const coordinators = await scheduleMeeting(hq, { kind: 'coordinators' })
    const res = await window.post(`/api/network-meetings/${coordinators.id}/shares`, aShare(c.id))
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toBe('ケースを共有できるのは支援ミーティング（事例検討）だけです')
    const past = await scheduleMeeting(hq, { heldOn: '2026-11-23' })
    expect((await window.post(`/api/network-meetings/${past.id}/shares`, aShare(c.id))).statusCode).toBe(409)
    expect((await hq.get(`/api/network-meetings/${past.id}`)).json().access.canShare).toBe(false)
    const today = await scheduleMeeting(hq, { heldOn: '2026-11-24' })
    await shareCase(window, today.id, c.id)
  })

  it('answers 404 for an unknown meeting', async () => {
    const c = await personalCase()
    const res = await window.post(
      '/api/network-meetings/00000000-0000-4000-8000-000000000000/shares',
      aShare(c.id),
    )
    expect(res.statusCode).toBe(404)
  })
})

describe('who shares', () => {
  it('the receiving ward’s coordinator and staff share a handed-over case, shown as from their ward', async () => {
    const c = await personalCase()
    await handOver(window, c.id, c.version, 'sakyo')
    const coordinator = await city.as('ward_coordinator', { ward: 'sakyo' })
    const staff = await city.as('ward_staff', { ward: 'sakyo' })
    const m2 = await scheduleMeeting(hq)
    expect((await shareCase(coordinator, meetingId, c.id)).origin).toBe('左京区')
    expect((await shareCase(staff, m2.id, c.id)).origin).toBe('左京区')
  })

  it('the accompaniment worker who leads the case shares it', async () => {
    const c = await personalCase()
    const worker = await city.as('accompaniment_worker')
    await ctx.db
      .update(cases)
      .set({ lead: 'accompaniment', leadAccountId: worker.user.id })
      .where(and(eq(cases.tenantId, city.tenantId), eq(cases.id, c.id)))
    const share = await shareCase(worker, meetingId, c.id)
    expect(share).toMatchObject({ origin: 'よりそい支援員', lead: 'accompaniment' })
  })

  it.each(['headquarters', 'admin', 'agency_member'] as Role[])('%s may not share (403)', async (role) => {
    const c = await personalCase()
    const s = role === 'headquarters' ? hq : await city.as(role)
    expect((await s.post(`/api/network-meetings/${meetingId}/shares`, aShare(c.id))).statusCode).toBe(403)
  })
})

describe('withdrawing a share', () => {
  it('the sharer or headquarters withdraws it; others may not', async () => {
    const a = await personalCase()
    const b = await personalCase()
    const mine = await shareCase(window, meetingId, a.id)
    const other = await shareCase(window, meetingId, b.id)
    const colleague = await city.as('window_counsellor')
    const url = (id: string) => `/api/network-meetings/${meetingId}/shares/${id}`
    expect((await del(colleague, url(mine.id))).statusCode).toBe(403)
    expect((await del(await city.as('ward_coordinator', { ward: 'kita' }), url(mine.id))).statusCode).toBe(
      403,
    )
    expect((await del(await city.as('admin'), url(mine.id))).statusCode).toBe(403)
    expect((await del(window, url(mine.id))).statusCode).toBe(204)
    expect((await del(hq, url(other.id))).statusCode).toBe(204)
    expect((await del(hq, url(other.id))).statusCode).toBe(404)
    const shares = (await hq.get(`/api/network-meetings/${meetingId}`)).json().shares as { id: string }[]
    expect(shares.map((s) => s.id)).not.toContain(mine.id)
  })
})

describe('audit', () => {
  it('names the case for sharing and withdrawing, with identifiers only', async () => {
    const c = await personalCase()
    const share = await shareCase(window, meetingId, c.id, { summary: '本人は読書が好きで図書館には行ける' })
    const kita = await city.as('ward_staff', { ward: 'kita' })
    await kita.get(`/api/network-meetings/${meetingId}`)
    await del(window, `/api/network-meetings/${meetingId}/shares/${share.id}`)
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.recordId, c.id)))
      .orderBy(asc(auditLog.id))
    expect(rows.map((r) => [r.action, r.recordType, r.detail])).toEqual([
      ['case.create', 'case', expect.anything()],
      ['case_study.share', 'case', { meetingId, shareId: share.id }],
      ['case_study.withdraw', 'case', { meetingId, shareId: share.id }],
    ])
    const read = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.actorId, kita.user.id)))
    expect(read.map((r) => r.action)).toContain('network_meeting.read')
    const all = JSON.stringify(
      await ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, city.tenantId)),
    )
    for (const secret of ['鈴木', 'すずき', '図書館']) expect(all).not.toContain(secret)
  })
})

describe('two cities', () => {
  it('cannot share another city’s case nor reach its meetings', async () => {
    const other = await ctx.newCity('別の市')
    const otherWindow = await other.as('window_counsellor')
    const c = await personalCase()
    expect((await otherWindow.get(`/api/network-meetings/${meetingId}`)).statusCode).toBe(404)
    const otherHq = await other.as('headquarters')
    const own = await scheduleMeeting(otherHq)
    const res = await otherWindow.post(`/api/network-meetings/${own.id}/shares`, aShare(c.id))
    expect(res.json().errors).toEqual([
      { field: 'caseId', message: 'ケースが見つかりません。担当しているケースの中から選択してください' },
    ])
  })
})
