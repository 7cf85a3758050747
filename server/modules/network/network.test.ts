import { and, asc, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, networkMeetings } from '#server/db/schema/index.ts'
import { openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { Role } from '#shared/codes.ts'
import { INVALID_DATE_MESSAGE } from '#shared/contracts/common.ts'
import { aMeeting, del, scheduleMeeting, shareCase } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const READERS: Role[] = [
  'window_counsellor',
  'ward_coordinator',
  'ward_staff',
  'accompaniment_worker',
  'headquarters',
]
const NOT_READERS: Role[] = ['agency_member', 'admin']
const NOT_SCHEDULERS: Role[] = [
  'window_counsellor',
  'ward_coordinator',
  'ward_staff',
  'accompaniment_worker',
  'agency_member',
  'admin',
]

async function meetingCount(tenantId: string) {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(networkMeetings)
    .where(eq(networkMeetings.tenantId, tenantId))
  return row!.n
}

const titlesOf = (body: { items: { title: string }[] }) => body.items.map((m) => m.title)

describe('reading city-wide meetings', () => {
  let city: TestCity
  let meetingId: string
  beforeAll(async () => {
    city = await ctx.newCity()
    const hq = await city.as('headquarters')
    await scheduleMeeting(hq, { title: '先月の担当者会議', kind: 'coordinators', heldOn: '2026-10-20' })
    await scheduleMeeting(hq, { title: '年明けの支援ミーティング', heldOn: '2027-01-15' })
    await scheduleMeeting(hq, { title: '今日の担当者会議', kind: 'coordinators', heldOn: '2026-11-24' })
    meetingId = (await scheduleMeeting(hq, { title: '来月の支援ミーティング', heldOn: '2026-12-10' })).id
    await scheduleMeeting(hq, { title: '春の担当者会議', kind: 'coordinators', heldOn: '2026-04-10' })
  })

  it.each(READERS)('%s lists upcoming (soonest first), past (latest first) and all', async (role) => {
    const s = await city.as(role, { ward: 'sakyo' })
    const upcoming = await s.get('/api/network-meetings')
    expect(upcoming.statusCode).toBe(200)
    expect(titlesOf(upcoming.json())).toEqual([
      '今日の担当者会議',
      '来月の支援ミーティング',
      '年明けの支援ミーティング',
    ])
    expect(titlesOf((await s.get('/api/network-meetings?when=past')).json())).toEqual([
      '先月の担当者会議',
      '春の担当者会議',
    ])
    const all = (await s.get('/api/network-meetings?when=all&pageSize=2&page=2')).json()
    expect(all.total).toBe(5)
    expect(titlesOf(all)).toEqual(['今日の担当者会議', '先月の担当者会議'])
    const detail = await s.get(`/api/network-meetings/${meetingId}`)
    expect(detail.statusCode).toBe(200)
    expect(detail.json()).toMatchObject({
      title: '来月の支援ミーティング',
      kind: 'case_study',
      heldOn: '2026-12-10',
      startTime: '14:00',
      shareCount: 0,
      shares: [],
      access: { canEdit: role === 'headquarters', canShare: role !== 'headquarters' },
    })
  })

  it.each(NOT_READERS)('%s may not read them (403)', async (role) => {
    const s = await city.as(role)
    expect((await s.get('/api/network-meetings')).statusCode).toBe(403)
    expect((await s.get(`/api/network-meetings/${meetingId}`)).statusCode).toBe(403)
  })

  it('answers 404 for an unknown meeting and 400 for an unknown period', async () => {
    const s = await city.as('ward_staff')
    expect((await s.get('/api/network-meetings/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    const bad = await s.get('/api/network-meetings?when=someday')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toEqual([{ field: 'when', message: '期間を一覧から選択してください' }])
  })
})

describe('scheduling city-wide meetings', () => {
  let city: TestCity
  let hq: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    hq = await city.as('headquarters')
  })

  it('headquarters schedules, changes and deletes a meeting; each change is audited', async () => {
    const created = await hq.post(
      '/api/network-meetings',
      aMeeting({ startTime: '9:30', heldOn: '2026/12/1' }),
    )
    expect(created.statusCode).toBe(201)
    const m = created.json()
    expect(m).toMatchObject({
      heldOn: '2026-12-01',
      startTime: '09:30',
      shares: [],
      access: { canEdit: true },
    })

    const changed = await hq.patch(`/api/network-meetings/${m.id}`, {
      place: '',
      title: '第3回 支援ミーティング（変更）',
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({
      place: null,
      title: '第3回 支援ミーティング（変更）',
      startTime: '09:30',
      note: '事例検討：家族支援のすすめ方',
    })
    expect((await del(hq, `/api/network-meetings/${m.id}`)).statusCode).toBe(204)
    expect((await hq.get(`/api/network-meetings/${m.id}`)).statusCode).toBe(404)

    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.recordId, m.id)))
      .orderBy(asc(auditLog.id))
    expect(audit.map((a) => a.action)).toEqual([
      'network_meeting.create',
      'network_meeting.update',
      'network_meeting.delete',
    ])
    expect(audit[1]!.detail).toEqual({ fields: ['title', 'place'] })
  })

  it('rejects invalid input with Japanese messages and writes nothing', async () => {
    const before = await meetingCount(city.tenantId)
    const res = await hq.post('/api/network-meetings', {
      title: ' ',
      heldOn: '2026-02-30',
      startTime: '25:00',
    })
    expect(res.statusCode).toBe(400)
    const messages = Object.fromEntries(
      res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    )
    expect(messages).toEqual({
      kind: '会議の種類を選択してください',
      title: '会議名を入力してください',
      heldOn: INVALID_DATE_MESSAGE,
      startTime: '時刻は「14:05」のように24時間制で入力してください',
    })
    expect(await meetingCount(city.tenantId)).toBe(before)
    const m = await scheduleMeeting(hq)
    const patch = await hq.patch(`/api/network-meetings/${m.id}`, { title: '', kind: 'party' })
    expect(patch.statusCode).toBe(400)
    expect((await hq.get(`/api/network-meetings/${m.id}`)).json().title).toBe(aMeeting().title)
  })

  it('keeps a meeting with shared cases: no delete, no change of kind (409)', async () => {
    const m = await scheduleMeeting(hq)
    const window = await city.as('window_counsellor')
    const c = await openCase(window)
    await shareCase(window, m.id, c.id)
    const deleted = await del(hq, `/api/network-meetings/${m.id}`)
    expect(deleted.statusCode).toBe(409)
    expect(deleted.json().detail).toBe(
      'ケースが共有されている会議は削除できません。共有したケースを先に取り下げてください',
    )
    expect((await hq.patch(`/api/network-meetings/${m.id}`, { kind: 'coordinators' })).statusCode).toBe(409)
    expect((await hq.get(`/api/network-meetings/${m.id}`)).json()).toMatchObject({
      kind: 'case_study',
      shareCount: 1,
    })
  })

  it.each(NOT_SCHEDULERS)('%s may not schedule, change or delete (403)', async (role) => {
    const m = await scheduleMeeting(hq)
    const s = await city.as(role)
    const before = await meetingCount(city.tenantId)
    expect((await s.post('/api/network-meetings', aMeeting())).statusCode).toBe(403)
    expect((await s.patch(`/api/network-meetings/${m.id}`, { title: '書き換え' })).statusCode).toBe(403)
    expect((await del(s, `/api/network-meetings/${m.id}`)).statusCode).toBe(403)
    expect(await meetingCount(city.tenantId)).toBe(before)
    expect((await hq.get(`/api/network-meetings/${m.id}`)).json().title).toBe(aMeeting().title)
  })

  it('answers 404 when changing or deleting an unknown meeting', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    expect((await hq.patch(`/api/network-meetings/${missing}`, { title: 'x' })).statusCode).toBe(404)
    expect((await del(hq, `/api/network-meetings/${missing}`)).statusCode).toBe(404)
  })
})

describe('two cities', () => {
  it('keep their meetings apart', async () => {
    const a = await ctx.newCity('甲市')
    const b = await ctx.newCity('乙市')
    const hqA = await a.as('headquarters')
    const hqB = await b.as('headquarters')
    const m = await scheduleMeeting(hqA, { title: '甲市の会議' })
    expect(titlesOf((await hqB.get('/api/network-meetings?when=all')).json())).toEqual([])
    expect((await hqB.get(`/api/network-meetings/${m.id}`)).statusCode).toBe(404)
    expect((await hqB.patch(`/api/network-meetings/${m.id}`, { title: '乗っ取り' })).statusCode).toBe(404)
    expect((await del(hqB, `/api/network-meetings/${m.id}`)).statusCode).toBe(404)
  })
})
