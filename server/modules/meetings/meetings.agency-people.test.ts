// The agency view of a meeting's agenda and the people around a case (相談者・世帯員): an outside
// agency reads the discussion's fields only, never a consulter's name, kana, phone, mail or address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { casePeople, casePersonPhones } from '#server/db/schema/index.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import { invite, type MeetingCast, meetingCast, putOnAgenda, readyCase, schedule } from './test-support.ts'

let ctx: TestContext
let city: TestCity
let who: MeetingCast
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  who = await meetingCast(ctx, city)
})
afterAll(() => ctx.close())

const SECRETS = ['佐々木', '和子', 'ささき', 'かずこ', '０７５', '0751234567', 'kazuko', '紫野', '平日の午前']

describe('an agency reading the agenda of a case with consulters', () => {
  it('sees no consulter’s name, kana, phone, mail, address or best time, before or after acknowledging', async () => {
    const c = await readyCase(ctx, who.window, 'sakyo', { age: 46 })
    const [mother] = await ctx.db
      .insert(casePeople)
      .values({
        tenantId: city.tenantId,
        caseId: c.id,
        personNo: 1,
        relationship: 'mother',
        name: '佐々木 和子',
        kana: 'ささき かずこ',
        age: 74,
        livesWith: true,
        mail: 'kazuko@example.jp',
        address: '京都市北区紫野1-2',
        bestTime: '平日の午前',
        care: ['care_needs'],
      })
      .returning()
    await ctx.db.insert(casePersonPhones).values({
      tenantId: city.tenantId,
      personId: mother!.id,
      caseId: c.id,
      position: 0,
      label: 'home',
      number: '０７５（１２３）４５６７',
      digits: '0751234567',
    })
    const m = await schedule(who.coordinator)
    await putOnAgenda(who.coordinator, m.id, c.id)
    await invite(who.coordinator, m.id, [{ unitId: who.section }, { unitId: who.agencyUnit }])

    const before = await who.agency.get(`/api/meetings/${m.id}`)
    const ack = await who.agency.post(`/api/meetings/${m.id}/acknowledgement`, { confirm: true })
    const after = await who.agency.get(`/api/meetings/${m.id}`)
    expect(after.statusCode).toBe(200)
    expect(after.json().agenda).toHaveLength(1)
    const list = await who.agency.get('/api/meetings')
    for (const res of [before, ack, after, list])
      for (const secret of SECRETS) expect(res.body, secret).not.toContain(secret)
    // The case's people stay out of the agency's reach.
    expect((await who.agency.get(`/api/cases/${c.id}/people`)).statusCode).toBe(404)
    // The ward's own staff may read them on the case (the people module's scope), not in the agenda.
    expect((await who.staff.get(`/api/meetings/${m.id}`)).body).not.toContain('0751234567')
  })
})
