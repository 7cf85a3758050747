import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, mailOutbox, seminars } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { Role } from '#shared/codes.ts'
import type { SeminarDetail } from '#shared/contracts/seminars.ts'
import { createFamilyService } from './family.service.ts'
import { aFamily, aSeminar, scheduleSeminar } from './test-support.ts'

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

const seminarCount = async () => {
  const [row] = await ctx.db.select({ n: count() }).from(seminars).where(eq(seminars.tenantId, city.tenantId))
  return row!.n
}
const auditsOf = async (action: string, recordId: string) => {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, action), eq(auditLog.recordId, recordId)),
    )
  return row!.n
}

describe('scheduling seminars and family meetings', () => {
  it('headquarters schedules a city-wide one, a ward centre its own', async () => {
    const city_wide = await scheduleSeminar(hq)
    expect(city_wide).toMatchObject({ organiser: '本市担当課', capacity: 20, confirmedPeople: 0 })
    const ward = await scheduleSeminar(sakyo, {
      kind: 'family_meeting',
      title: '左京 家族教室',
      place: null,
      online: true,
    })
    expect(ward).toMatchObject({
      organiser: '左京区',
      online: true,
      place: null,
      access: { canManage: true },
    })
    expect(await auditsOf('seminar.create', ward.id)).toBe(1)
  })

  it.each<Role>(['window_counsellor', 'accompaniment_worker', 'agency_member', 'admin'])(
    '%s may not schedule one',
    async (role) => {
      const before = await seminarCount()
      const res = await (await city.as(role)).post('/api/seminars', aSeminar())
      expect(res.statusCode).toBe(403)
      expect(await seminarCount()).toBe(before)
    },
  )

  it('refuses bad input with Japanese messages and writes nothing', async () => {
    const before = await seminarCount()
    const res = await hq.post(
      '/api/seminars',
      aSeminar({ capacity: 0, place: '', online: false, endTime: '13:00' }),
    )
    expect(res.statusCode).toBe(400)
    const messages = (res.json() as { errors: { message: string }[] }).errors.map((e) => e.message)
    expect(messages).toContain('定員は1人以上にしてください')
    const res2 = await hq.post('/api/seminars', aSeminar({ place: '', online: false, endTime: '13:00' }))
    const messages2 = (res2.json() as { errors: { message: string }[] }).errors.map((e) => e.message)
    expect(messages2).toEqual(
      expect.arrayContaining([
        '会場を入力するか、オンライン開催を選択してください',
        '終了時刻は開始時刻より後にしてください',
      ]),
    )
    expect(await seminarCount()).toBe(before)
  })

  it('names every wrong field at once: an unreal date, NUL, an hour past 23, a negative capacity', async () => {
    const before = await seminarCount()
    const res = await hq.post(
      '/api/seminars',
      aSeminar({ title: 'a\u0000b', heldOn: '2026/2/30', startTime: '25:00', capacity: -1 }),
    )
    expect(res.statusCode).toBe(400)
    const fields = (res.json() as { errors: { field: string }[] }).errors.map((e) => e.field).sort()
    expect(fields).toEqual(['capacity', 'heldOn', 'startTime', 'title'])
    const wide = await hq.post('/api/seminars', aSeminar({ startTime: '１４：００', endTime: '１６：００' }))
    expect(wide.statusCode, wide.body).toBe(201)
    expect(wide.json()).toMatchObject({ startTime: '14:00', endTime: '16:00' })
    expect(await seminarCount()).toBe(before + 1)
  })

  it('every staff member of the city lists them; agencies and administrators do not', async () => {
    const list = await (await city.as('window_counsellor')).get('/api/seminars')
    expect(list.statusCode).toBe(200)
    expect((list.json() as { items: { title: string }[] }).items.map((s) => s.title)).toContain(
      '左京 家族教室',
    )
    expect((await (await city.as('agency_member')).get('/api/seminars')).statusCode).toBe(403)
  })
})

describe('registrations and attendance', () => {
  const family = () => createFamilyService(ctx.db, ctx.clock)
  const inCity = <T>(fn: () => Promise<T>) => withTenant(city.tenantId, fn)

  it('capacity 2: many registrations started together fill 2 seats, the rest wait in order of arrival; a cancel moves the first up', async () => {
    const { id } = await scheduleSeminar(sakyo, { capacity: 2, title: '定員2の家族教室' })
    const names = Array.from({ length: 20 }, (_, i) => `家族${i + 1}`)
    const results = await Promise.all(
      names.map((name, i) =>
        inCity(() => family().register(city.tenantId, id, aFamily({ name, email: `f${i + 1}@example.jp` }))),
      ),
    )
    expect(results.filter((r) => r.view.status === 'confirmed')).toHaveLength(2)
    expect(results.filter((r) => r.view.status === 'waitlisted')).toHaveLength(18)

    const detail = (await sakyo.get(`/api/seminars/${id}`)).json() as SeminarDetail
    expect(detail).toMatchObject({ confirmedPeople: 2, waitlistedPeople: 18 })
    // Order of arrival: the two seats went to the first two rows; the waitlist numbers the rest 1..6.
    expect(detail.registrations.map((r) => r.status)).toEqual([
      'confirmed',
      'confirmed',
      ...Array(18).fill('waitlisted'),
    ])
    expect(detail.registrations.map((r) => r.waitlistPosition)).toEqual([
      null,
      null,
      ...Array.from({ length: 18 }, (_, i) => i + 1),
    ])
    // Each family's own page says the same place as the organiser's list (order of arrival).
    for (const r of detail.registrations.filter((x) => x.status === 'waitlisted')) {
      const own = results[names.indexOf(r.name)]!
      expect(own.view.waitlistPosition).toBe(r.waitlistPosition)
    }
    expect(await auditsOf('seminar.read', id)).toBe(1)

    const firstConfirmed = detail.registrations[0]!
    const nextInLine = detail.registrations[2]!
    const tokenOf = (name: string) => results[names.indexOf(name)]!.token
    const after = await inCity(() => family().cancel(city.tenantId, tokenOf(firstConfirmed.name)))
    expect(after.status).toBe('cancelled')
    // Cancelling again changes nothing (the link may be opened twice).
    await inCity(() => family().cancel(city.tenantId, tokenOf(firstConfirmed.name)))

    const moved = (await sakyo.get(`/api/seminars/${id}`)).json() as SeminarDetail
    const up = moved.registrations.find((r) => r.id === nextInLine.id)!
    expect(up).toMatchObject({ status: 'confirmed', waitlistPosition: null })
    expect(up.promotedAt).not.toBeNull()
    expect(moved).toMatchObject({ confirmedPeople: 2, waitlistedPeople: 17 })
    const mine = await inCity(() => family().byToken(city.tenantId, tokenOf(up.name)))
    expect(mine?.status).toBe('confirmed')
    const outbox = await ctx.db
      .select({ kind: mailOutbox.kind, to: mailOutbox.toAddress })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.tenantId, city.tenantId), eq(mailOutbox.kind, 'seminar_moved_up')))
    expect(outbox).toEqual([{ kind: 'seminar_moved_up', to: nextInLine.email }])
  }, 60_000)

  it('only the organiser sees registrations and records attendance (audited)', async () => {
    const { id } = await scheduleSeminar(sakyo, { title: '出欠の家族教室' })
    const { view } = await inCity(() =>
      family().register(
        city.tenantId,
        id,
        aFamily({ name: 'ひかりの父', attendees: 2, needsChildcare: true }),
      ),
    )
    expect(view).toMatchObject({ status: 'confirmed', attendees: 2 })
    const [registration] = ((await sakyo.get(`/api/seminars/${id}`)).json() as SeminarDetail).registrations
    expect(registration).toMatchObject({ name: 'ひかりの父', needsChildcare: true, attended: null })

    // Another ward does not see the seminar at all; headquarters sees it without registrations.
    expect((await kita.get(`/api/seminars/${id}`)).statusCode).toBe(404)
    const seen = (await hq.get(`/api/seminars/${id}`)).json() as SeminarDetail
    expect(seen).toMatchObject({ access: { canManage: false }, registrations: [] })
    for (const other of [kita, hq]) {
      const res = await other.patch(`/api/seminars/${id}/registrations/${registration!.id}`, {
        attended: true,
      })
      expect(res.statusCode).toBe(404)
    }
    const res = await sakyo.patch(`/api/seminars/${id}/registrations/${registration!.id}`, { attended: true })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ attended: true })
    expect(await auditsOf('seminar_registration.attendance', registration!.id)).toBe(1)
    const bad = await sakyo.patch(`/api/seminars/${id}/registrations/${registration!.id}`, {
      attended: 'yes',
    })
    expect(bad.statusCode).toBe(400)
  })

  it('a past seminar takes no registration', async () => {
    const { id } = await scheduleSeminar(hq, { heldOn: '2026-11-01', title: '先月の研修会' })
    await expect(inCity(() => family().register(city.tenantId, id, aFamily()))).rejects.toThrow()
  })
})
