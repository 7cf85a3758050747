// Running a meeting as the ward's coordinator: scheduling and numbering, the list, editing,
// deleting, holding; candidates and the agenda (30 cases, order); invitations, agencies, minutes.
import { and, count, eq, like } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, meetingAgenda, meetingAttendees, meetings, orgUnits } from '#server/db/schema/index.ts'
import { fieldsOf, intake, openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { MeetingDetail } from '#shared/contracts/meetings.ts'
import {
  decide,
  del,
  invite,
  type MeetingCast,
  meetingCast,
  putOnAgenda,
  readyCase,
  schedule,
  sectionOf,
  setCase,
} from './test-support.ts'

let ctx: TestContext
let city: TestCity
let who: MeetingCast

beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  who = await meetingCast(ctx, city)
})
afterAll(() => ctx.close())

async function meetingCount() {
  const [row] = await ctx.db.select({ n: count() }).from(meetings).where(eq(meetings.tenantId, city.tenantId))
  return row!.n
}

const ids = (list: { caseId: string }[]) => list.map((c) => c.caseId)

describe('scheduling a meeting', () => {
  it('numbers meetings by ward and date, skipping numbers already used', async () => {
    const first = await schedule(who.coordinator, { heldOn: '2026/12/10' })
    expect(first).toMatchObject({
      meetingNo: 'sakyo-20261210',
      ward: 'sakyo',
      wardName: '左京区',
      heldOn: '2026-12-10',
      startTime: '14:00',
      status: 'scheduled',
      attendees: [],
      agenda: [],
      access: { canEdit: true, canReadAgenda: true, agendaVisibleUntil: null },
    })
    expect((await schedule(who.coordinator, { heldOn: '2026-12-10' })).meetingNo).toBe('sakyo-20261210-2')
    // A number an imported ledger already holds is not reused.
    await ctx.db
      .insert(meetings)
      .values({ tenantId: city.tenantId, meetingNo: 'sakyo-20261211', ward: 'sakyo', heldOn: '2026-12-11' })
    expect((await schedule(who.coordinator, { heldOn: '2026-12-11' })).meetingNo).toBe('sakyo-20261211-2')
  })

  it('validates the form with Japanese messages and writes nothing', async () => {
    const before = await meetingCount()
    const res = await who.coordinator.post('/api/meetings', {
      heldOn: '',
      startTime: '25:00',
      place: 'あ'.repeat(201),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toEqual([
      { field: 'heldOn', message: '日付を入力してください' },
      { field: 'startTime', message: '時刻は「14:05」のように24時間制で入力してください' },
      { field: 'place', message: '200文字以内で入力してください' },
    ])
    const bad = await who.coordinator.post('/api/meetings', { heldOn: '2026-02-30' })
    expect(fieldsOf(bad.json())).toEqual(['heldOn'])
    expect(await meetingCount()).toBe(before)
  })

  it('lists upcoming, past or all meetings of the ward with their counts, paged', async () => {
    const other = await ctx.newCity('一覧の市')
    const cast = await meetingCast(ctx, other)
    const past = await schedule(cast.coordinator, { heldOn: '2026-10-20' })
    const today = await schedule(cast.coordinator, { heldOn: '2026-11-24' })
    const later = await schedule(cast.coordinator, { heldOn: '2026-12-22' })
    await schedule(cast.otherCoordinator, { heldOn: '2026-12-01' })
    const c = await readyCase(ctx, cast.window)
    await putOnAgenda(cast.coordinator, past.id, c.id)
    await decide(cast.coordinator, past.id, c.id, { lead: 'rediscuss' })

    const list = async (q: string) => (await cast.coordinator.get(`/api/meetings${q}`)).json()
    expect((await list('?when=upcoming')).items.map((i: { id: string }) => i.id)).toEqual([
      today.id,
      later.id,
    ])
    expect((await list('?when=past')).items.map((i: { id: string }) => i.id)).toEqual([past.id])
    const all = await list('')
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([later.id, today.id, past.id])
    expect(all.items[2]).toMatchObject({
      status: 'held',
      agendaCount: 1,
      decidedCount: 1,
      wardName: '左京区',
    })
    const page = await list('?when=all&page=2&pageSize=2')
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([past.id])
    expect((await cast.staff.get('/api/meetings')).json().total).toBe(3)
  })
})

describe('editing, deleting and holding a meeting', () => {
  it('changes only the fields sent; an empty value clears a field', async () => {
    const m = await schedule(who.coordinator, { heldOn: '2026-12-03' })
    const res = await who.coordinator.patch(`/api/meetings/${m.id}`, {
      startTime: '',
      minutesNote: '次回は家族会の報告あり',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      heldOn: '2026-12-03',
      startTime: null,
      place: '左京区役所 第1会議室',
      chair: '左京区保健福祉センター長',
      minutesNote: '次回は家族会の報告あり',
      meetingNo: m.meetingNo,
    })
  })

  it('keeps a held meeting’s date in the past', async () => {
    const m = await schedule(who.coordinator)
    await who.coordinator.post(`/api/meetings/${m.id}/held`)
    const res = await who.coordinator.patch(`/api/meetings/${m.id}`, { heldOn: '2026-12-01' })
    expect(res.json().errors).toEqual([
      { field: 'heldOn', message: '開催済みの会議の開催日に、今日より後の日付は入力できません' },
    ])
  })

  it('records a meeting as held from its date on, not before', async () => {
    const future = await schedule(who.coordinator, { heldOn: '2026-11-25' })
    const early = await who.coordinator.post(`/api/meetings/${future.id}/held`)
    expect(early.statusCode).toBe(409)
    expect(early.json().detail).toBe('開催日より前の会議は開催済みにできません')
    const m = await schedule(who.coordinator)
    const held = await who.coordinator.post(`/api/meetings/${m.id}/held`)
    expect(held.statusCode).toBe(200)
    expect(held.json().status).toBe('held')
  })

  it('deletes a scheduled meeting without decisions, and refuses held or decided ones (409)', async () => {
    const m = await schedule(who.coordinator, { heldOn: '2026-12-05' })
    const c = await readyCase(ctx, who.window)
    await putOnAgenda(who.coordinator, m.id, c.id)
    await invite(who.coordinator, m.id, [{ unitId: who.agencyUnit }])
    expect((await del(who.coordinator, `/api/meetings/${m.id}`)).statusCode).toBe(204)
    expect((await who.coordinator.get(`/api/meetings/${m.id}`)).statusCode).toBe(404)
    const [agenda] = await ctx.db
      .select({ n: count() })
      .from(meetingAgenda)
      .where(and(eq(meetingAgenda.tenantId, city.tenantId), eq(meetingAgenda.meetingId, m.id)))
    expect(agenda!.n).toBe(0)

    const held = await schedule(who.coordinator)
    await who.coordinator.post(`/api/meetings/${held.id}/held`)
    const refused = await del(who.coordinator, `/api/meetings/${held.id}`)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toBe(
      '開催済みの会議、または検討ケースの決定を記録した会議は削除できません（記録として残します）',
    )
    expect((await who.coordinator.get(`/api/meetings/${held.id}`)).statusCode).toBe(200)
  })
})

describe('candidates and the agenda', () => {
  it('offers the ward’s ready cases without a lead as new, and cases due for review as continuing', async () => {
    const m = await schedule(who.coordinator, { heldOn: '2026-12-08' })
    const ready = await readyCase(ctx, who.window)
    const assessing = await readyCase(ctx, who.window)
    await setCase(ctx, city.tenantId, assessing.id, { wardState: 'assessing' })
    const kita = await readyCase(ctx, who.window, 'kita')
    const closed = await readyCase(ctx, who.window)
    await setCase(ctx, city.tenantId, closed.id, {
      status: 'closed',
      closedOn: '2026-11-24',
      closureReason: 'wish',
    })
    const atWard = await openCase(who.staff, intake({ wardRoute: 'ward_section', name: '区 受付' }))
    await setCase(ctx, city.tenantId, atWard.id, { wardState: 'ready' })
    const due = await readyCase(ctx, who.window)
    await setCase(ctx, city.tenantId, due.id, {
      lead: 'ward_section',
      leadUnitId: who.section,
      nextReviewOn: '2026-12-08',
    })
    const notDue = await readyCase(ctx, who.window)
    await setCase(ctx, city.tenantId, notDue.id, {
      lead: 'ward_section',
      leadUnitId: who.section,
      nextReviewOn: '2026-12-09',
    })
    const queued = await readyCase(ctx, who.window)
    await putOnAgenda(who.coordinator, m.id, queued.id)

    const res = await who.coordinator.get(`/api/meetings/${m.id}/candidates`)
    expect(res.statusCode).toBe(200)
    const { new: fresh, continuing } = res.json()
    expect(ids(fresh)).toEqual(expect.arrayContaining([ready.id, atWard.id]))
    for (const id of [assessing.id, kita.id, closed.id, due.id, notDue.id, queued.id]) {
      expect(ids(fresh)).not.toContain(id)
    }
    expect(fresh.find((c: { caseId: string }) => c.caseId === atWard.id)).toMatchObject({
      name: '区 受付',
      wardState: 'ready',
      wardRoute: 'ward_section',
      lead: null,
    })
    expect(ids(continuing)).toContain(due.id)
    for (const id of [notDue.id, ready.id, queued.id]) expect(ids(continuing)).not.toContain(id)
  })

  it('adds a case with its route (by default the case’s ward route) and refuses what does not fit', async () => {
    const m = await schedule(who.coordinator)
    const c = await readyCase(ctx, who.window)
    const added = await putOnAgenda(who.coordinator, m.id, c.id)
    expect(added.agenda).toMatchObject([
      { caseId: c.id, position: 1, kind: 'new', route: 'window', name: '山田 太郎' },
    ])
    const again = await who.coordinator.post(`/api/meetings/${m.id}/agenda`, { caseId: c.id, kind: 'new' })
    expect(again.statusCode).toBe(409)
    expect(again.json().detail).toBe('このケースは既にこの会議の議題になっています')

    const noRoute = await readyCase(ctx, who.window)
    await setCase(ctx, city.tenantId, noRoute.id, { wardRoute: null })
    const missing = await who.coordinator.post(`/api/meetings/${m.id}/agenda`, {
      caseId: noRoute.id,
      kind: 'new',
    })
    expect(missing.json().errors).toEqual([{ field: 'route', message: '新規ケース経路を選択してください' }])
    const wrong = await who.coordinator.post(`/api/meetings/${m.id}/agenda`, {
      caseId: noRoute.id,
      kind: 'new',
      route: 'somewhere',
    })
    expect(wrong.json().errors).toEqual([{ field: 'route', message: '新規ケース経路を選択してください' }])
    const viaAgency = await putOnAgenda(who.coordinator, m.id, noRoute.id, { route: 'agency' })
    expect(viaAgency.agenda[1]).toMatchObject({ caseId: noRoute.id, route: 'agency', position: 2 })

    const closed = await readyCase(ctx, who.window)
    await setCase(ctx, city.tenantId, closed.id, {
      status: 'closed',
      closedOn: '2026-11-24',
      closureReason: 'wish',
    })
    const refused = await who.coordinator.post(`/api/meetings/${m.id}/agenda`, {
      caseId: closed.id,
      kind: 'new',
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toBe('終結したケースは議題にできません')

    const kita = await readyCase(ctx, who.window, 'kita')
    expect(
      (await who.coordinator.post(`/api/meetings/${m.id}/agenda`, { caseId: kita.id, kind: 'new' }))
        .statusCode,
    ).toBe(404)
    const [n] = await ctx.db
      .select({ n: count() })
      .from(meetingAgenda)
      .where(and(eq(meetingAgenda.tenantId, city.tenantId), eq(meetingAgenda.meetingId, m.id)))
    expect(n!.n).toBe(2)
  })

  it('works with 30 agenda cases: all in order, reordered, one taken off and the rest renumbered', async () => {
    const m = await schedule(who.coordinator)
    const caseIds: string[] = []
    for (let i = 0; i < 30; i++) {
      const c = await readyCase(ctx, who.window, 'sakyo', { name: `議題 ${i + 1}` })
      caseIds.push(c.id)
      await putOnAgenda(who.coordinator, m.id, c.id)
    }
    const seen: MeetingDetail = (await who.coordinator.get(`/api/meetings/${m.id}`)).json()
    expect(seen.agenda).toHaveLength(30)
    expect(ids(seen.agenda)).toEqual(caseIds)
    expect(seen.agenda.map((a) => a.position)).toEqual(caseIds.map((_, i) => i + 1))
    expect(seen.agenda[29]!.name).toBe('議題 30')

    const reversed = [...caseIds].reverse()
    const res = await who.coordinator.put(`/api/meetings/${m.id}/agenda/order`, { caseIds: reversed })
    expect(res.statusCode).toBe(200)
    expect(ids(res.json().agenda)).toEqual(reversed)
    expect(ids((await who.staff.get(`/api/meetings/${m.id}`)).json().agenda)).toEqual(reversed)

    const outsider = await readyCase(ctx, who.window)
    for (const bad of [
      reversed.slice(1),
      [...reversed.slice(1), reversed[1]!],
      [...reversed.slice(1), outsider.id],
    ]) {
      const refused = await who.coordinator.put(`/api/meetings/${m.id}/agenda/order`, { caseIds: bad })
      expect(refused.statusCode).toBe(400)
      expect(refused.json().errors).toEqual([
        { field: 'caseIds', message: '議題のケースをすべて、一度ずつ指定してください' },
      ])
    }

    await decide(who.coordinator, m.id, reversed[0]!, { lead: 'rediscuss' })
    const decided = await del(who.coordinator, `/api/meetings/${m.id}/agenda/${reversed[0]}`)
    expect(decided.statusCode).toBe(409)
    expect(decided.json().detail).toBe('決定を記録したケースは議題から外せません')
    const removed = await del(who.coordinator, `/api/meetings/${m.id}/agenda/${reversed[5]}`)
    expect(removed.statusCode).toBe(200)
    const after: MeetingDetail = removed.json()
    expect(ids(after.agenda)).toEqual(reversed.filter((_, i) => i !== 5))
    expect(after.agenda.map((a) => a.position)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1))
    expect((await del(who.coordinator, `/api/meetings/${m.id}/agenda/${reversed[5]}`)).statusCode).toBe(404)
  })
})

describe('invitations, attendance and agencies', () => {
  it('lists whom to invite: the ward’s sections, agencies, the accompaniment team and workers, section staff', async () => {
    const m = await schedule(who.coordinator)
    const res = await who.coordinator.get(`/api/meetings/${m.id}/invitable`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.sections.map((s: { sectionCode: string }) => s.sectionCode)).toEqual([
      'kenko_choju',
      'shogai',
      'seikatsu',
      'kodomo',
    ])
    expect(body.sections[0].name).toBe('左京区役所 健康長寿推進課')
    expect(body.agencies.map((a: { unitId: string }) => a.unitId)).toEqual(
      expect.arrayContaining([who.agencyUnit, who.otherAgencyUnit]),
    )
    expect(body.accompanimentTeam).toEqual({ unitId: who.team, name: 'よりそい支援員' })
    expect(body.accompanimentWorkers.map((w: { accountId: string }) => w.accountId)).toEqual(
      expect.arrayContaining([who.worker.user.id, who.otherWorker.user.id]),
    )
    const staffIds = body.sectionStaff.map((s: { accountId: string }) => s.accountId)
    expect(staffIds).toContain(who.staff.user.id)
    expect(staffIds).not.toContain(who.otherStaff.user.id)
  })

  it('replaces the invitation list and records presence', async () => {
    const m = await schedule(who.coordinator)
    const shogai = await sectionOf(ctx, city.tenantId, 'sakyo', 'shogai')
    await invite(who.coordinator, m.id, [{ unitId: who.otherAgencyUnit }, { unitId: who.section }])
    const detail = await invite(who.coordinator, m.id, [
      { unitId: who.agencyUnit, attended: true },
      { unitId: who.team, attended: true },
      { unitId: shogai, attended: false },
      { unitId: who.section, attended: true },
    ])
    expect(detail.attendees).toEqual([
      {
        unitId: who.section,
        name: '左京区役所 健康長寿推進課',
        kind: 'ward_section',
        sectionCode: 'kenko_choju',
        attended: true,
      },
      {
        unitId: shogai,
        name: '左京区役所 障害保健福祉課',
        kind: 'ward_section',
        sectionCode: 'shogai',
        attended: false,
      },
      {
        unitId: who.team,
        name: 'よりそい支援員',
        kind: 'accompaniment_team',
        sectionCode: null,
        attended: true,
      },
      { unitId: who.agencyUnit, name: expect.any(String), kind: 'agency', sectionCode: null, attended: true },
    ])
    expect((await who.otherAgency.get(`/api/meetings/${m.id}`)).statusCode).toBe(404)
  })

  it('refuses units that cannot attend, duplicates and presence before the date, writing nothing', async () => {
    const m = await schedule(who.coordinator, { heldOn: '2026-12-01' })
    await invite(who.coordinator, m.id, [{ unitId: who.agencyUnit }])
    const [windowUnit] = await ctx.db
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, city.tenantId), eq(orgUnits.kind, 'window')))
    const kita = await sectionOf(ctx, city.tenantId, 'kita')
    const res = await who.coordinator.put(`/api/meetings/${m.id}/attendees`, {
      attendees: [
        { unitId: who.section, attended: true },
        { unitId: kita, attended: false },
        { unitId: windowUnit!.id, attended: false },
        { unitId: '00000000-0000-4000-8000-000000000000', attended: false },
        { unitId: who.section, attended: false },
      ],
    })
    expect(res.statusCode).toBe(400)
    const notInvitable = 'この会議に招待できる課・機関ではありません。一覧から選択してください'
    expect(res.json().errors).toEqual([
      { field: 'attendees.0.attended', message: '開催日より前に出席を記録することはできません' },
      { field: 'attendees.1.unitId', message: notInvitable },
      { field: 'attendees.2.unitId', message: notInvitable },
      { field: 'attendees.3.unitId', message: notInvitable },
      { field: 'attendees.4.unitId', message: '同じ出席者が重複しています' },
    ])
    const rows = await ctx.db
      .select()
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.tenantId, city.tenantId), eq(meetingAttendees.meetingId, m.id)))
    expect(rows.map((r) => r.unitId)).toEqual([who.agencyUnit])
  })

  it('adds an outside organisation to the directory once', async () => {
    const res = await who.coordinator.post('/api/agencies', { name: '  NPO法人 こもれび  ' })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ name: 'NPO法人 こもれび' })
    const m = await schedule(who.coordinator)
    const invitable = (await who.coordinator.get(`/api/meetings/${m.id}/invitable`)).json()
    expect(invitable.agencies).toContainEqual({ unitId: res.json().unitId, name: 'NPO法人 こもれび' })
    const again = await who.headquarters.post('/api/agencies', { name: 'NPO法人 こもれび' })
    expect(again.statusCode).toBe(409)
    expect(again.json().detail).toBe('この名前の関係機関は既に登録されています')
    const empty = await who.coordinator.post('/api/agencies', { name: ' ' })
    expect(empty.json().errors).toEqual([{ field: 'name', message: '機関名を入力してください' }])
    const [n] = await ctx.db
      .select({ n: count() })
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, city.tenantId), like(orgUnits.name, '%こもれび%')))
    expect(n!.n).toBe(1)
  })
})

describe('minutes and the audit trail', () => {
  it('downloads the minutes as a workbook: facts, attendees, each case’s decision by number, no names', async () => {
    const m = await schedule(who.coordinator, { minutesNote: undefined })
    const c = await readyCase(ctx, who.window, 'sakyo', { name: '議事 録子' })
    await putOnAgenda(who.coordinator, m.id, c.id)
    await invite(who.coordinator, m.id, [{ unitId: who.section, attended: true }])
    const decided = await decide(who.coordinator, m.id, c.id, {
      policy: '週1回の訪問',
      lead: 'accompaniment',
      leadAccountId: who.worker.user.id,
      assignments: [{ unitId: who.team, task: '訪問' }],
      nextReviewOn: '2027-01-19',
    })
    const res = await who.staff.get(`/api/meetings/${m.id}/minutes.xlsx`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('spreadsheetml')
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`minutes_${m.meetingNo}.xlsx`))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('議事録')!
    const text: string[] = []
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        text.push(String(cell.value))
      })
    })
    const all = text.join('|')
    for (const expected of [
      m.meetingNo,
      '左京区役所 健康長寿推進課',
      decided.agenda[0]!.caseNo,
      'よりそい支援員',
      '週1回の訪問',
      '支援員 一郎',
    ]) {
      expect(all).toContain(expected)
    }
    expect(all).not.toContain('議事 録子')
  })

  it('audits reads and changes with identifiers and counts only', async () => {
    const other = await ctx.newCity('監査の市')
    const cast = await meetingCast(ctx, other)
    const c = await readyCase(ctx, cast.window, 'sakyo', { name: '監査 太郎' })
    const m = await schedule(cast.coordinator, { place: '秘密の会議室' })
    await cast.coordinator.get('/api/meetings')
    await cast.coordinator.get(`/api/meetings/${m.id}`)
    await cast.coordinator.get(`/api/meetings/${m.id}/candidates`)
    await cast.coordinator.patch(`/api/meetings/${m.id}`, { minutesNote: '家族の事情を共有' })
    await putOnAgenda(cast.coordinator, m.id, c.id)
    await cast.coordinator.put(`/api/meetings/${m.id}/agenda/order`, { caseIds: [c.id] })
    await invite(cast.coordinator, m.id, [{ unitId: cast.agencyUnit, attended: true }])
    await cast.agency.post(`/api/meetings/${m.id}/acknowledgement`, { confirm: true })
    await decide(cast.coordinator, m.id, c.id, { lead: 'rediscuss', policy: '本人の意向を確認' })
    await cast.coordinator.get(`/api/meetings/${m.id}/minutes.xlsx`)
    await cast.coordinator.get(`/api/cases/${c.id}/reviews`)
    await cast.coordinator.post(`/api/meetings/${m.id}/held`)
    const spare = await schedule(cast.coordinator, { heldOn: '2026-12-24' })
    await del(cast.coordinator, `/api/meetings/${spare.id}`)
    await cast.headquarters.post('/api/agencies', { name: '地域包括支援センター' })

    const rows = await ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, other.tenantId))
    const actions = new Set(rows.map((r) => r.action))
    for (const action of [
      'meeting.list',
      'meeting.read',
      'meeting.candidates',
      'meeting.create',
      'meeting.update',
      'meeting.agenda_add',
      'meeting.agenda_order',
      'meeting.attendees',
      'meeting.acknowledge',
      'meeting.agency_view',
      'meeting.decision',
      'meeting.minutes',
      'meeting.held',
      'meeting.delete',
      'case.reviews',
      'agency.create',
    ]) {
      expect(actions, action).toContain(action)
    }
    const update = rows.find((r) => r.action === 'meeting.update')!
    expect(update).toMatchObject({
      recordType: 'meeting',
      recordId: m.id,
      detail: { fields: ['minutesNote'] },
    })
    const details = JSON.stringify(rows.map((r) => r.detail))
    for (const secret of ['監査 太郎', '秘密の会議室', '家族の事情', '本人の意向', '地域包括']) {
      expect(details).not.toContain(secret)
    }
  })
})
