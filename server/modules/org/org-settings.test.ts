import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, meetingAcknowledgements } from '#server/db/schema/index.ts'
import { invite, schedule, unitIdOf } from '#server/modules/meetings/test-support.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import type { Role } from '#shared/codes.ts'
import { CONFIDENTIALITY_NOTICE } from '#shared/contracts/meetings.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const NON_ADMIN: Role[] = [
  'window_counsellor',
  'ward_coordinator',
  'ward_staff',
  'accompaniment_worker',
  'agency_member',
  'headquarters',
]

describe('組織設定 (/api/org…)', () => {
  it('adds a ward with its centre and sections named by the city, renames with history, audits', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const created = await admin.post('/api/org/wards', {
      code: 'minami-shisho',
      name: '南支所',
      sortOrder: 20,
    })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({
      code: 'minami-shisho',
      active: true,
      version: 1,
      hasRecords: false,
    })

    const section = await admin.post('/api/org/units', {
      kind: 'ward_section',
      name: '南支所 福祉介護課',
      wardCode: 'minami-shisho',
      sortOrder: 301,
    })
    expect(section.statusCode).toBe(201)
    const org = (await admin.get('/api/org')).json()
    const mine = org.units.filter((u: { wardCode: string }) => u.wardCode === 'minami-shisho')
    expect(mine.map((u: { kind: string; name: string }) => [u.kind, u.name])).toEqual([
      ['ward_centre', '南支所 保健福祉センター'],
      ['ward_section', '南支所 福祉介護課'],
    ])

    const renamed = await admin.patch('/api/org/wards/minami-shisho', { version: 1, name: '南部支所' })
    expect(renamed.json()).toMatchObject({ name: '南部支所', version: 2 })
    // The form's old version is refused: someone changed it in between.
    const stale = await admin.patch('/api/org/wards/minami-shisho', { version: 1, name: '別名' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().detail).toMatch(/他の人が先に変更しました/)

    const history = (await admin.get('/api/org/history')).json()
    expect(history.find((h: { field: string }) => h.field === 'name')).toMatchObject({
      subject: 'ward',
      subjectKey: 'minami-shisho',
      field: 'name',
      before: '南支所',
      after: '南部支所',
    })
    const audits = await ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.recordId, 'minami-shisho')))
    expect(audits.map((a) => a.action).sort()).toEqual(['org.ward_changed', 'org.ward_created'])
  })

  it('refuses to delete a ward or unit that records name (409), deactivates it instead; deletes an unused one', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    await city.as('ward_staff', { ward: 'kita' })
    const kitaSection = await city.unitOf('ward_section', 'kita')

    const refused = await admin.request({ method: 'DELETE', url: '/api/org/wards/kita' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toMatch(/記録があるため削除できません/)
    const unitRefused = await admin.request({ method: 'DELETE', url: `/api/org/units/${kitaSection.id}` })
    expect(unitRefused.statusCode).toBe(409)

    const off = await admin.patch('/api/org/wards/kita', { version: 1, active: false })
    expect(off.json()).toMatchObject({ active: false, hasRecords: true })

    const unused = await admin.request({ method: 'DELETE', url: '/api/org/wards/nishikyo' })
    expect(unused.statusCode).toBe(204)
    const wards = (await admin.get('/api/org')).json().wards.map((w: { code: string }) => w.code)
    expect(wards).not.toContain('nishikyo')
    expect(wards).toContain('kita')
  })

  it('sets population by ward and fiscal year, the window’s information and versioned confidentiality texts', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const pop = await admin.put('/api/org/populations/2026', {
      items: [
        { wardCode: 'kita', population: 117_000 },
        { wardCode: 'sakyo', population: 166_000 },
      ],
    })
    expect(pop.json()).toHaveLength(2)
    const bad = await admin.put('/api/org/populations/2026', {
      items: [{ wardCode: 'nowhere', population: 1 }],
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0]).toMatchObject({
      field: 'items.0.wardCode',
      message: 'この区・支所はありません',
    })
    expect((await admin.get('/api/org')).json().populations).toHaveLength(2)

    const window = await admin.put('/api/org/window', {
      version: 0,
      hours: '平日 9:00〜17:00',
      phone: '075-000-0000',
      crisisLines: [{ name: 'こころの健康相談', phone: '0570-000-000', hours: '24時間' }],
    })
    expect(window.json()).toMatchObject({ version: 1, phone: '075-000-0000' })
    expect((await admin.put('/api/org/window', { version: 0, crisisLines: [] })).statusCode).toBe(409)

    const v1 = await admin.post('/api/org/confidentiality', { body: '会議で知り得た情報は漏らしません。' })
    const v2 = await admin.post('/api/org/confidentiality', {
      body: '会議で知り得た情報は、会議の後も漏らしません。',
    })
    expect([v1.json().version, v2.json().version]).toEqual([1, 2])
    expect((await admin.get('/api/org')).json().confidentiality).toMatchObject({ version: 2 })
  })

  it('records the confidentiality text’s version with an agency’s acknowledgement', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    await admin.post('/api/org/confidentiality', { body: '守秘義務の文面 第1版' })
    const coordinator = await city.as('ward_coordinator', { ward: 'sakyo' })
    const agency = await city.as('agency_member')
    const meeting = await schedule(coordinator)
    await invite(coordinator, meeting.id, [{ unitId: await unitIdOf(ctx, agency) }])
    const ack = await agency.post(`/api/meetings/${meeting.id}/acknowledgement`, { confirm: true })
    expect(ack.statusCode, ack.body).toBe(200)
    const [row] = await ctx.db
      .select({ v: meetingAcknowledgements.textVersion })
      .from(meetingAcknowledgements)
      .where(eq(meetingAcknowledgements.tenantId, city.tenantId))
    expect(row?.v).toBe(1)
  })

  it('shows the agency the city’s current wording and refuses an acknowledgement of an older one (409)', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const coordinator = await city.as('ward_coordinator', { ward: 'sakyo' })
    const agency = await city.as('agency_member')
    const meeting = await schedule(coordinator)
    await invite(coordinator, meeting.id, [{ unitId: await unitIdOf(ctx, agency) }])
    const wording = async () => (await agency.get(`/api/meetings/${meeting.id}`)).json().acknowledgement
    // Before the city writes its own wording: the statutory default, version null.
    expect(await wording()).toMatchObject({ text: CONFIDENTIALITY_NOTICE, textVersion: null })
    await admin.post('/api/org/confidentiality', { body: '第1版\n会議で知り得た情報は漏らしません。' })
    expect(await wording()).toMatchObject({
      text: '第1版\n会議で知り得た情報は漏らしません。',
      textVersion: 1,
    })
    // The city rewords it while the agency reads version 1: agreeing to 1 (or to the default) is refused.
    await admin.post('/api/org/confidentiality', { body: '第2版' })
    for (const textVersion of [1, null]) {
      const stale = await agency.post(`/api/meetings/${meeting.id}/acknowledgement`, {
        confirm: true,
        textVersion,
      })
      expect(stale.statusCode).toBe(409)
      expect(stale.json().detail).toContain('守秘義務の確認文が更新されました')
    }
    const rows = () =>
      ctx.db
        .select({ v: meetingAcknowledgements.textVersion })
        .from(meetingAcknowledgements)
        .where(eq(meetingAcknowledgements.tenantId, city.tenantId))
    expect(await rows()).toEqual([])
    expect(await wording()).toMatchObject({ text: '第2版', textVersion: 2 })
    const ok = await agency.post(`/api/meetings/${meeting.id}/acknowledgement`, {
      confirm: true,
      textVersion: 2,
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(await rows()).toEqual([{ v: 2 }])
  })

  it('answers 403 to every role but the administrator, and 404 for another city’s ward or unit', async () => {
    const city = await ctx.newCity()
    const other = await ctx.newCity('よその市')
    const otherSection = await other.unitOf('ward_section', 'kita')
    await (await other.as('admin')).post('/api/org/wards', {
      code: 'only-there',
      name: 'よその区',
      sortOrder: 1,
    })
    for (const role of NON_ADMIN) {
      const s = await city.as(role)
      expect((await s.get('/api/org')).statusCode, role).toBe(403)
      expect((await s.post('/api/org/wards', { code: 'x', name: 'x', sortOrder: 1 })).statusCode, role).toBe(
        403,
      )
      expect((await s.get('/api/org/history')).statusCode, role).toBe(403)
    }
    const admin = await city.as('admin')
    expect((await admin.patch('/api/org/wards/only-there', { version: 1, name: 'x' })).statusCode).toBe(404)
    expect((await admin.request({ method: 'DELETE', url: '/api/org/wards/only-there' })).statusCode).toBe(404)
    expect(
      (await admin.patch(`/api/org/units/${otherSection.id}`, { version: 1, name: 'x' })).statusCode,
    ).toBe(404)
    expect(
      (await admin.request({ method: 'DELETE', url: `/api/org/units/${otherSection.id}` })).statusCode,
    ).toBe(404)
    const mine = (await admin.get('/api/org')).json()
    expect(mine.wards.map((w: { code: string }) => w.code)).not.toContain('only-there')
    expect(mine.units.map((u: { id: string }) => u.id)).not.toContain(otherSection.id)
    expect((await admin.get('/api/org/history')).json()).toEqual([])
  })

  it('refuses bad input with Japanese field errors and writes nothing', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const res = await admin.post('/api/org/wards', { code: 'Kita Ku', name: '', sortOrder: -1 })
    expect(res.statusCode).toBe(400)
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort()
    expect(fields).toEqual(['code', 'name', 'sortOrder'])
    const dup = await admin.post('/api/org/wards', { code: 'kita', name: '北区', sortOrder: 1 })
    expect(dup.json().errors[0]).toMatchObject({ field: 'code', message: 'この区コードは既に使われています' })
    const noWard = await admin.post('/api/org/units', { kind: 'ward_section', name: '課', sortOrder: 1 })
    expect(noWard.json().errors[0]).toMatchObject({ field: 'wardCode' })
    expect((await admin.get('/api/org/history')).json()).toEqual([])
  })
})
