import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseEvents, contacts } from '#server/db/schema/index.ts'
import { aContact, addContact, intake, openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { INVALID_DATE_MESSAGE } from '#shared/contracts/common.ts'
import { DUE_BEFORE_CONTACT, DUE_TIME_WITHOUT_DATE } from './next-step-due.ts'

let ctx: TestContext
let city: TestCity
let window: Session
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  window = await city.as('window_counsellor')
})
afterAll(() => ctx.close())

async function stored() {
  const [c] = await ctx.db.select({ n: count() }).from(contacts).where(eq(contacts.tenantId, city.tenantId))
  const [e] = await ctx.db
    .select({ n: count() })
    .from(caseEvents)
    .where(eq(caseEvents.tenantId, city.tenantId))
  return { contacts: c!.n, events: e!.n }
}

describe('the next step’s due date and time', () => {
  it('takes a due date typed in 和暦 and a time, stores them as ISO and HH:MM, and keeps them in the history', async () => {
    const c = await openCase(window)
    const added = await addContact(window, c.id, {
      nextStep: '母に折り返し電話',
      nextStepDueOn: 'R8.12.1',
      nextStepDueTime: '9:30',
    })
    expect(added).toMatchObject({ nextStepDueOn: '2026-12-01', nextStepDueTime: '09:30' })
    const [row] = await ctx.db
      .select({ on: contacts.nextStepDueOn, at: contacts.nextStepDueTime })
      .from(contacts)
      .where(and(eq(contacts.tenantId, city.tenantId), eq(contacts.id, added.id)))
    expect(row).toEqual({ on: '2026-12-01', at: '09:30' })
    const history = (await window.get(`/api/cases/${c.id}/history`)).json()
    const event = history.find((e: { action: string }) => e.action === 'contact_added')
    expect(event.changes).toContainEqual({ field: 'contact.nextStepDueOn', from: null, to: '2026-12-01' })
  })

  it('takes full-width 和暦 too, and no due date at all', async () => {
    const c = await openCase(window)
    expect(await addContact(window, c.id, { nextStepDueOn: 'ｒ８．１２．１' })).toMatchObject({
      nextStepDueOn: '2026-12-01',
      nextStepDueTime: null,
    })
    expect(await addContact(window, c.id, { nextStepDueOn: '', nextStepDueTime: '' })).toMatchObject({
      nextStepDueOn: null,
      nextStepDueTime: null,
    })
  })

  it('refuses a time without a date, a time past 23:59, a day that never was and a due date before the contact; writes nothing', async () => {
    const c = await openCase(window, { openedOn: '2026-11-10' })
    const before = await stored()
    const cases: [Record<string, unknown>, { field: string; message: string }][] = [
      [{ nextStepDueTime: '10:00' }, { field: 'nextStepDueTime', message: DUE_TIME_WITHOUT_DATE }],
      [
        { nextStepDueOn: '2026-12-01', nextStepDueTime: '24:00' },
        { field: 'nextStepDueTime', message: '時刻は「14:05」のように24時間制で入力してください' },
      ],
      [{ nextStepDueOn: 'R8.2.30' }, { field: 'nextStepDueOn', message: INVALID_DATE_MESSAGE }],
      [{ nextStepDueOn: '2026-11-19' }, { field: 'nextStepDueOn', message: DUE_BEFORE_CONTACT }],
      [
        { nextStepDueOn: '2026-12-01\u0000' },
        { field: 'nextStepDueOn', message: '制御文字（NUL など）は使えません' },
      ],
    ]
    for (const [body, error] of cases) {
      const res = await window.post(`/api/cases/${c.id}/contacts`, { ...aContact, ...body })
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().errors).toEqual([error])
    }
    expect(await stored()).toEqual(before)
  })

  it('a correction is checked against what the contact will hold: clearing the date of a timed due step is refused', async () => {
    const c = await openCase(window)
    const added = await addContact(window, c.id, { nextStepDueOn: '2026-12-01', nextStepDueTime: '10:00' })
    const url = `/api/cases/${c.id}/contacts/${added.id}`
    const cleared = await window.patch(url, { nextStepDueOn: '' })
    expect(cleared.statusCode).toBe(400)
    expect(cleared.json().errors).toEqual([{ field: 'nextStepDueTime', message: DUE_TIME_WITHOUT_DATE }])
    const moved = await window.patch(url, { nextStepDueOn: '令和8年12月3日', reason: '相手の都合' })
    expect(moved.statusCode).toBe(200)
    expect(moved.json()).toMatchObject({ nextStepDueOn: '2026-12-03', nextStepDueTime: '10:00' })
    const both = await window.patch(url, { nextStepDueOn: null, nextStepDueTime: null })
    expect(both.json()).toMatchObject({ nextStepDueOn: null, nextStepDueTime: null })
  })

  it('at intake, the first contact’s due date is read and checked the same way', async () => {
    const firstContact = { method: 'phone', nextStep: '母に折り返し' }
    const bad = await window.post(
      '/api/cases',
      intake({ firstContact: { ...firstContact, nextStepDueTime: '10:00' } }),
    )
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toEqual([
      { field: 'firstContact.nextStepDueTime', message: DUE_TIME_WITHOUT_DATE },
    ])
    const good = await window.post(
      '/api/cases',
      intake({
        firstContact: { ...firstContact, nextStepDueOn: '令和8年12月1日', nextStepDueTime: '10:00' },
      }),
    )
    expect(good.statusCode, good.body).toBe(201)
    expect(good.json().firstContact).toMatchObject({ nextStepDueOn: '2026-12-01', nextStepDueTime: '10:00' })
  })
})
