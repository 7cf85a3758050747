import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, contacts, mailOutbox, seminars } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { SeminarDetail, SeminarRegistration, SeminarSummary } from '#shared/contracts/seminars.ts'
import { createFamilyService } from './family.service.ts'
import { aFamily, aSeminar, scheduleSeminar } from './test-support.ts'

// The organiser's side beyond scheduling: which seminars each one sees, changing and deleting,
// cancelling on a family's behalf, and linking a registrant to the case they consult on.
let ctx: TestContext
let city: TestCity
let hq: Session
let sakyo: Session
let kita: Session
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  hq = await city.as('headquarters')
  sakyo = await city.as('ward_staff', { ward: 'sakyo' })
  kita = await city.as('ward_coordinator', { ward: 'kita' })
})
afterAll(() => ctx.close())

const del = (s: Session, url: string) => s.request({ method: 'DELETE', url })
const family = () => createFamilyService(ctx.db, ctx.clock)
const register = (seminarId: string, name: string, extra: Parameters<typeof aFamily>[0] = {}) =>
  withTenant(city.tenantId, () => family().register(city.tenantId, seminarId, aFamily({ name, ...extra })))
const detailOf = async (s: Session, id: string) =>
  (await s.get(`/api/seminars/${id}`)).json() as SeminarDetail
const titles = async (s: Session, when = 'all') =>
  ((await s.get(`/api/seminars?when=${when}`)).json() as { items: SeminarSummary[] }).items.map(
    (x) => x.title,
  )
const audits = async (action: string, recordId: string) => {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, action), eq(auditLog.recordId, recordId)),
    )
  return row!.n
}

describe('scope', () => {
  it("a ward's staff see their ward's and the city-wide seminars; headquarters and the window see all", async () => {
    const cityWide = await scheduleSeminar(hq, { title: '全市の研修会' })
    const own = await scheduleSeminar(sakyo, { title: '左京の家族会', kind: 'family_meeting' })
    await scheduleSeminar(kita, { title: '北の家族教室', kind: 'family_meeting' })

    expect(await titles(sakyo)).toEqual(expect.arrayContaining(['全市の研修会', '左京の家族会']))
    expect(await titles(sakyo)).not.toContain('北の家族教室')
    expect(await titles(kita)).not.toContain('左京の家族会')
    for (const s of [hq, await city.as('window_counsellor')]) {
      expect(await titles(s)).toEqual(
        expect.arrayContaining(['全市の研修会', '左京の家族会', '北の家族教室']),
      )
    }
    // Another ward's seminar answers as if it did not exist; the city-wide one is readable.
    expect((await kita.get(`/api/seminars/${own.id}`)).statusCode).toBe(404)
    expect(await detailOf(kita, cityWide.id)).toMatchObject({
      access: { canManage: false },
      registrations: [],
    })
    const paged = (await hq.get('/api/seminars?when=all&pageSize=1&page=2')).json()
    expect(paged).toMatchObject({ page: 2, pageSize: 1 })
    expect(paged.items).toHaveLength(1)
  })

  it('only the organiser changes or deletes; others get 404 (not seen) or 403 (seen)', async () => {
    const own = await scheduleSeminar(sakyo, { title: '左京だけの会' })
    const before = await detailOf(sakyo, own.id)
    expect((await kita.put(`/api/seminars/${own.id}`, aSeminar({ title: '乗っ取り' }))).statusCode).toBe(404)
    expect((await hq.put(`/api/seminars/${own.id}`, aSeminar({ title: '乗っ取り' }))).statusCode).toBe(403)
    expect((await del(kita, `/api/seminars/${own.id}`)).statusCode).toBe(404)
    expect((await del(hq, `/api/seminars/${own.id}`)).statusCode).toBe(403)
    expect((await detailOf(sakyo, own.id)).title).toBe(before.title)
  })
})

describe('changing, cancelling on behalf, deleting', () => {
  it('a larger capacity moves the waiting family up with a notice; a capacity below the confirmed is refused', async () => {
    const { id } = await scheduleSeminar(sakyo, { capacity: 1, title: '定員1の会' })
    await register(id, '一番目')
    await register(id, '二番目', { email: 'second@example.jp' })
    const refused = await sakyo.put(`/api/seminars/${id}`, aSeminar({ capacity: 0, title: '定員1の会' }))
    expect(refused.statusCode).toBe(400)

    const res = await sakyo.put(`/api/seminars/${id}`, aSeminar({ capacity: 2, title: '定員2に増やした会' }))
    expect(res.statusCode, res.body).toBe(200)
    const after = res.json() as SeminarDetail
    expect(after).toMatchObject({
      title: '定員2に増やした会',
      capacity: 2,
      confirmedPeople: 2,
      waitlistedPeople: 0,
    })
    expect(after.registrations.map((r) => r.status)).toEqual(['confirmed', 'confirmed'])
    const notices = await ctx.db
      .select({ to: mailOutbox.toAddress })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.tenantId, city.tenantId), eq(mailOutbox.kind, 'seminar_moved_up')))
    expect(notices).toContainEqual({ to: 'second@example.jp' })
    expect(await audits('seminar.update', id)).toBe(1)

    const below = await sakyo.put(`/api/seminars/${id}`, aSeminar({ capacity: 1 }))
    expect(below.statusCode).toBe(400)
    expect(below.json().errors).toContainEqual({
      field: 'capacity',
      message: '定員は参加確定の人数（2人）以上にしてください',
    })
    expect((await detailOf(sakyo, id)).capacity).toBe(2)
  })

  it('staff cancel on a family’s behalf: the first waiting moves up; deleting waits until nobody holds a seat', async () => {
    const { id } = await scheduleSeminar(sakyo, { capacity: 1, title: '消す会' })
    await register(id, 'あさひ')
    await register(id, 'ゆうひ', { email: 'yuhi@example.jp' })
    const refused = await del(sakyo, `/api/seminars/${id}`)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toContain('申込みを取り消してから削除してください')

    const [first, second] = (await detailOf(sakyo, id)).registrations as [
      SeminarRegistration,
      SeminarRegistration,
    ]
    expect((await kita.post(`/api/seminars/${id}/registrations/${first.id}/cancel`, {})).statusCode).toBe(404)
    const cancelled = await sakyo.post(`/api/seminars/${id}/registrations/${first.id}/cancel`, {})
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' })
    expect((await detailOf(sakyo, id)).registrations.find((r) => r.id === second.id)).toMatchObject({
      status: 'confirmed',
      waitlistPosition: null,
    })
    expect(await audits('seminar_registration.cancel', first.id)).toBe(1)

    await sakyo.post(`/api/seminars/${id}/registrations/${second.id}/cancel`, {})
    const deleted = await del(sakyo, `/api/seminars/${id}`)
    expect(deleted.statusCode, deleted.body).toBe(204)
    expect((await sakyo.get(`/api/seminars/${id}`)).statusCode).toBe(404)
    expect(await audits('seminar.delete', id)).toBe(1)
    const [left] = await ctx.db
      .select({ n: count() })
      .from(seminars)
      .where(and(eq(seminars.tenantId, city.tenantId), eq(seminars.id, id)))
    expect(left!.n).toBe(0)
  })

  it('names a follow-up survey only from the city’s surveys', async () => {
    const unknown = await hq.post('/api/seminars', aSeminar({ followUpSurveyId: crypto.randomUUID() }))
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors).toContainEqual({
      field: 'followUpSurveyId',
      message: '選択したアンケートが見つかりません',
    })
    const [template] = (await hq.get('/api/survey-templates')).json() as { key: string }[]
    const made = await hq.post('/api/survey-templates/copy', { key: template!.key })
    expect(made.statusCode, made.body).toBe(201)
    const survey = made.json() as { id: string; title: string }
    const choices = (await hq.get('/api/seminars/follow-up-surveys')).json() as { id: string }[]
    expect(choices.map((c) => c.id)).toContain(survey.id)
    const withSurvey = await scheduleSeminar(hq, {
      title: '事後アンケートのある会',
      followUpSurveyId: survey.id,
    })
    expect(withSurvey.followUpSurvey).toEqual({ id: survey.id, title: survey.title })
    expect(
      (await (await city.as('window_counsellor')).get('/api/seminars/follow-up-surveys')).statusCode,
    ).toBe(403)
  })
})

describe('text that families and staff type', () => {
  it('keeps zero-width and full-width characters; refuses NUL and lone surrogates, writing nothing', async () => {
    const title = 'ｶｿﾞｸ\u200bの会（全角ＡＢＣ１２３）'
    const made = await scheduleSeminar(sakyo, { title, theme: '\u200d\ufeff話す' })
    expect(made).toMatchObject({ title, theme: '\u200d\ufeff話す' })
    for (const bad of ['名称\u0000', '名称\ud800']) {
      const res = await sakyo.post('/api/seminars', aSeminar({ title: bad }))
      expect(res.statusCode).toBe(400)
      expect(res.body).not.toContain(bad)
    }
    expect(await titles(sakyo)).not.toContain('名称')
    const { view } = await register(made.id, 'ＡＢＣの母\u200b', { needsNote: '車いす（１台）' })
    expect(view.status).toBe('confirmed')
    const [r] = (await detailOf(sakyo, made.id)).registrations
    expect(r).toMatchObject({ name: 'ＡＢＣの母\u200b', needsNote: '車いす（１台）' })
  })
})

describe('linking a registrant to the case they consult on', () => {
  it('records a 面談 contact with 家族・親族 on the case timeline, audited; only after attendance, once', async () => {
    const theCase = await openCase(sakyo, { openedOn: '2026-11-01' })
    // Registered while the seminar was coming; its date was then corrected to the 20th (held).
    const fields = { title: '11月の家族教室', kind: 'family_meeting' }
    const { id } = await scheduleSeminar(sakyo, fields)
    await register(id, 'ケースの母', { attendees: 2 })
    const moved = await sakyo.put(`/api/seminars/${id}`, aSeminar({ ...fields, heldOn: '2026-11-20' }))
    expect(moved.statusCode, moved.body).toBe(200)
    const [r] = (await detailOf(sakyo, id)).registrations as [SeminarRegistration]
    const link = () => sakyo.post(`/api/seminars/${id}/registrations/${r.id}/case`, { caseId: theCase.id })

    const early = await link()
    expect(early.statusCode).toBe(409)
    expect(early.json().detail).toBe('出席を記録してから、ケースに結び付けてください')
    await sakyo.patch(`/api/seminars/${id}/registrations/${r.id}`, { attended: true })
    // Another ward's staff cannot reach the registration, nor a case outside their scope.
    expect(
      (await kita.post(`/api/seminars/${id}/registrations/${r.id}/case`, { caseId: theCase.id })).statusCode,
    ).toBe(404)

    const res = await link()
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ caseId: theCase.id })
    const timeline = (await sakyo.get(`/api/cases/${theCase.id}/contacts`)).json() as Record<
      string,
      unknown
    >[]
    expect(timeline).toContainEqual(
      expect.objectContaining({
        contactedOn: '2026-11-20',
        method: 'in_person',
        counterpart: 'family',
        summary: '家族教室・家族会「11月の家族教室」に参加（2人）',
      }),
    )
    expect(await audits('seminar_registration.link_case', r.id)).toBe(1)
    const again = await link()
    expect(again.statusCode).toBe(409)
    const [n] = await ctx.db
      .select({ n: count() })
      .from(contacts)
      .where(and(eq(contacts.tenantId, city.tenantId), eq(contacts.caseId, theCase.id)))
    // One contact, however often the link is tried.
    expect(n!.n).toBe(1)
  })
})

describe('audit of registrant data', () => {
  it('each organiser read and change of registrations writes a row naming the registration or seminar', async () => {
    const { id } = await scheduleSeminar(sakyo, { title: '監査の会' })
    await register(id, 'かんさ')
    const before = await audits('seminar.read', id)
    const d = await detailOf(sakyo, id)
    expect(await audits('seminar.read', id)).toBe(before + 1)
    // A reader who is not the organiser sees no registrations, and no read of them is written.
    await detailOf(hq, id)
    expect(await audits('seminar.read', id)).toBe(before + 1)
    const rid = d.registrations[0]!.id
    await sakyo.patch(`/api/seminars/${id}/registrations/${rid}`, { attended: false })
    expect(await audits('seminar_registration.attendance', rid)).toBe(1)
    const created = await ctx.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'seminar_registration.create'), eq(auditLog.recordId, rid)))
    expect(JSON.stringify(created)).not.toContain('かんさ')
  })
})
