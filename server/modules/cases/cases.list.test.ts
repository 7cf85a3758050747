import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, settings } from '#server/db/schema/index.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { addContact, openCase } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const nos = (body: { items: { caseNo: string }[] }) => body.items.map((c) => c.caseNo)
const enc = encodeURIComponent

describe('listCases', () => {
  let city: TestCity
  let window: Session
  const no: Record<string, string> = {}
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor', { name: '窓口 太郎' })
    const colleague = await city.user('window_counsellor')
    no.a = (
      await openCase(window, { openedOn: '2026-10-01', urgency: 'normal', kana: 'あおき', age: 30 })
    ).caseNo
    const b = await openCase(window, {
      openedOn: '2026-10-15',
      urgency: 'urgent',
      kana: 'いとう',
      name: '100%_本人',
      age: 50,
      ward: 'kita',
      staffId: colleague.id,
    })
    no.b = b.caseNo
    no.c = (
      await openCase(window, { openedOn: '2026-11-01', urgency: 'early', kana: null, firstConsulter: 'self' })
    ).caseNo
    await addContact(window, b.id, { contactedOn: '2026-11-02' })
    await addContact(window, b.id, { contactedOn: '2026-11-05' })
  })

  it('sorts by opening date (newest first by default), with totals and summaries', async () => {
    const res = await window.get('/api/cases')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(nos(body)).toEqual([no.c, no.b, no.a])
    expect(body.total).toBe(3)
    const b = body.items.find((c: { caseNo: string }) => c.caseNo === no.b)
    expect(b).toMatchObject({ lastContactOn: '2026-11-05', contactCount: 2, ward: 'kita' })
    expect(body.items.find((c: { caseNo: string }) => c.caseNo === no.a).staffName).toBe('窓口 太郎')
  })

  it('sorts by urgency, kana and last contact with missing values last', async () => {
    expect(nos((await window.get('/api/cases?sort=urgency&order=desc')).json())).toEqual([no.b, no.c, no.a])
    expect(nos((await window.get('/api/cases?sort=urgency&order=asc')).json())).toEqual([no.a, no.c, no.b])
    expect(nos((await window.get('/api/cases?sort=kana&order=asc')).json())).toEqual([no.a, no.b, no.c])
    expect(nos((await window.get('/api/cases?sort=kana&order=desc')).json())).toEqual([no.b, no.a, no.c])
    expect(nos((await window.get('/api/cases?sort=lastContactOn')).json())[0]).toBe(no.b)
    expect(nos((await window.get('/api/cases?sort=caseNo&order=asc')).json())).toEqual([no.a, no.b, no.c])
  })

  it('pages with a stable order and the full total', async () => {
    const p1 = (await window.get('/api/cases?sort=caseNo&order=asc&pageSize=2&page=1')).json()
    const p2 = (await window.get('/api/cases?sort=caseNo&order=asc&pageSize=2&page=2')).json()
    expect([...nos(p1), ...nos(p2)]).toEqual([no.a, no.b, no.c])
    expect(p2.total).toBe(3)
  })

  it('filters by each field and by an inclusive opening-date range', async () => {
    const q = async (query: string) => nos((await window.get(`/api/cases?${query}`)).json()).sort()
    expect(await q('urgency=urgent')).toEqual([no.b])
    expect(await q('ageBand=40plus')).toEqual([no.b])
    expect(await q(`ward=${enc('北区')}`)).toEqual([no.b])
    expect(await q('firstConsulter=self')).toEqual([no.c])
    expect(await q(`staffId=${window.user.id}`)).toEqual([no.a, no.c].sort())
    expect(await q('openedFrom=2026-10-15&openedTo=2026/11/1')).toEqual([no.b, no.c].sort())
    expect(await q('status=closed')).toEqual([])
  })

  it('searches case number, name and kana, treating % and _ literally', async () => {
    const q = async (text: string) => nos((await window.get(`/api/cases?q=${enc(text)}`)).json())
    expect(await q('いとう')).toEqual([no.b])
    expect(await q(no.a!)).toEqual([no.a])
    expect(await q('100%_')).toEqual([no.b])
    expect(await q('%')).toEqual([no.b])
    expect(await q('_')).toEqual([no.b])
  })
})

describe('findSimilarCases', () => {
  let city: TestCity
  let window: Session
  let ids: Record<string, string>
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
    ids = {
      name: (await openCase(window, { name: '佐藤　花子', kana: null, birthYear: null, age: null })).id,
      kana: (await openCase(window, { name: null, kana: 'サトウ ハナコ', age: null })).id,
      birth: (
        await openCase(window, {
          name: null,
          kana: null,
          age: null,
          birthYear: 1990,
          ward: 'kita',
          gender: 'female',
        })
      ).id,
      unknownGender: (
        await openCase(window, {
          name: null,
          kana: null,
          age: null,
          birthYear: 1990,
          ward: 'kita',
          gender: 'unknown',
        })
      ).id,
    }
  })

  it('matches on name without spaces, kana across scripts, or birth year + ward + gender', async () => {
    const res = await window.get(
      `/api/cases/similar?name=${enc('佐藤花子')}&kana=${enc('さとうはなこ')}&birthYear=1990&ward=${enc('北区')}&gender=female`,
    )
    expect(res.statusCode).toBe(200)
    const got = Object.fromEntries(
      res.json().map((c: { id: string; matchedOn: string[] }) => [c.id, c.matchedOn]),
    )
    expect(got).toEqual({ [ids.name!]: ['name'], [ids.kana!]: ['kana'], [ids.birth!]: ['birth_ward_gender'] })
  })

  it('leaves out excludeId, ignores an unknown gender, and answers [] without criteria', async () => {
    const res = await window.get(`/api/cases/similar?name=${enc(' 佐藤 花子 ')}&excludeId=${ids.name}`)
    expect(res.json()).toEqual([])
    const unknown = await window.get(`/api/cases/similar?birthYear=1990&ward=kita&gender=unknown`)
    expect(unknown.json()).toEqual([])
    expect((await window.get('/api/cases/similar')).json()).toEqual([])
  })

  it('audits the search with the count only', async () => {
    await window.get(`/api/cases/similar?kana=${enc('さとう はなこ')}`)
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'case.similar_search')))
    expect(rows.at(-1)!.detail).toEqual({ count: 1 })
    expect(JSON.stringify(rows)).not.toMatch(/さとう|佐藤/)
  })
})

describe('getWorklist', () => {
  // The clock says 2026-11-24 (a Tuesday) in Tokyo; the week began on Monday 2026-11-23.
  let city: TestCity
  let window: Session
  let sakyo: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
    sakyo = await city.as('ward_staff', { ward: 'sakyo' })
  })

  it('lists urgent first, open cases without contact for 14 days, and this week’s cases', async () => {
    const early = await openCase(window, { openedOn: '2026-11-20', urgency: 'early' })
    const urgent = await openCase(window, { openedOn: '2026-11-21', urgency: 'urgent' })
    const quiet = await openCase(window, { openedOn: '2026-11-01' })
    const contacted = await openCase(window, { openedOn: '2026-11-01' })
    await addContact(window, contacted.id, { contactedOn: '2026-11-15' })
    const boundary = await openCase(window, { openedOn: '2026-11-10' })
    const sunday = await openCase(window, { openedOn: '2026-11-22' })
    const monday = await openCase(window, { openedOn: '2026-11-23' })
    const closed = await openCase(window, { openedOn: '2026-10-01', urgency: 'urgent' })
    await window.post(`/api/cases/${closed.id}/close`, {
      version: 1,
      closedOn: '2026-10-02',
      closureReason: 'wish',
    })

    const res = await window.get('/api/worklist')
    expect(res.statusCode).toBe(200)
    const w = res.json()
    const idsOf = (list: { id: string }[]) => list.map((c) => c.id)
    expect(w.noContactDays).toBe(14)
    expect(idsOf(w.urgent)).toEqual([urgent.id, early.id])
    expect(idsOf(w.noContact)).toEqual([quiet.id, boundary.id])
    expect(idsOf(w.openedThisWeek)).toEqual([monday.id])
    expect(idsOf(w.openedThisWeek)).not.toContain(sunday.id)
  })

  it('reads the no-contact threshold from the city’s settings', async () => {
    await ctx.db.insert(settings).values({ tenantId: city.tenantId, key: 'noContactDays', value: 30 })
    const w = (await window.get('/api/worklist')).json()
    expect(w.noContactDays).toBe(30)
    expect(w.noContact).toEqual([])
  })

  it('includes for a ward the cases handed over to it', async () => {
    const c = await openCase(window, { openedOn: '2026-11-02', urgency: 'early' })
    await window.post(`/api/cases/${c.id}/handover`, {
      version: 1,
      handedOverOn: '2026-11-03',
      ward: 'sakyo',
      summary: '要約',
    })
    const ward = (await sakyo.get('/api/worklist')).json()
    expect(ward.urgent.map((x: { id: string }) => x.id)).toContain(c.id)
    const win = (await window.get('/api/worklist')).json()
    expect(win.urgent.map((x: { id: string }) => x.id)).not.toContain(c.id)
  })
})
