import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { computeReport } from './compute-report.ts'
import { recordsFor } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const PERIOD = { from: '2020-09-01', to: '2021-08-31' }

describe('consultations', () => {
  it('counts window cases opened in the period by age band, month, consulter and route', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    await r.addCase({ openedOn: '2020-09-01', ageBand: 'under40', firstConsulter: 'self', route: 'web' })
    await r.addCase({
      openedOn: '2020-09-30',
      ageBand: '40plus',
      firstConsulter: 'family',
      route: 'publicity',
    })
    await r.addCase({ openedOn: '2021-08-31', ageBand: 'unknown', firstConsulter: 'family' })
    await r.addCase({ openedOn: '2020-08-31', ageBand: 'under40' }) // before the period
    await r.addCase({ openedOn: '2021-09-01', ageBand: 'under40' }) // after it
    await r.addCase({ openedOn: '2020-10-05', intakeUnit: 'kita', ageBand: 'under40' }) // a ward centre's

    const report = await computeReport(ctx.db, city.tenantId, PERIOD)
    const c = report.consultations
    expect(c.total).toBe(3)
    expect(c.byAgeBand.current).toEqual({ under40: 1, '40plus': 1, unknown: 1, total: 3 })
    expect(c.monthlyNewCases).toHaveLength(12)
    expect(c.monthlyNewCases[0]).toEqual({ month: '2020-09', count: 2 })
    expect(c.monthlyNewCases[1]).toEqual({ month: '2020-10', count: 0 })
    expect(c.monthlyNewCases[11]).toEqual({ month: '2021-08', count: 1 })
    expect(c.byFirstConsulter).toEqual({
      self: { count: 1, percent: 33.3 },
      family: { count: 2, percent: 66.7 }, // 2/3 leaves the larger remainder
      agency: { count: 0, percent: 0 },
      other: { count: 0, percent: 0 },
    })
    // Equal remainders: the extra 0.1 goes to the earliest route in the code list (publicity).
    expect(c.byRoute.publicity).toEqual({ count: 1, percent: 33.4 })
    expect(c.byRoute.web).toEqual({ count: 1, percent: 33.3 })
    expect(c.byRoute.unknown).toEqual({ count: 1, percent: 33.3 })
    expect(c.byRoute.agency_referral).toEqual({ count: 0, percent: 0 })
    expect(report.wardIntake.find((w) => w.ward === 'kita')).toEqual({ ward: 'kita', count: 1 })
    expect(report.wardIntake).toHaveLength(14)
  })

  it('outcomes at the end: what happened after `to` does not count', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    await r.addCase({ handedOverOn: '2021-03-01', handedOverTo: 'kita' })
    await r.addCase({ handedOverOn: '2021-03-01', handedOverTo: 'kita', closedOn: '2021-05-01' })
    await r.addCase({ closedOn: '2021-08-31' })
    await r.addCase({ closedOn: '2021-09-01' }) // closed after the period: open at the end
    await r.addCase({ handedOverOn: '2021-10-01', handedOverTo: 'kita' }) // handed over after: open
    await r.addCase({})
    const { outcomesAtEnd } = (await computeReport(ctx.db, city.tenantId, PERIOD)).consultations
    expect(outcomesAtEnd).toEqual({ handed_over: 2, closed: 1, open: 3 })
  })

  it('single and continuing cases count contacts dated up to `to`', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    await r.addCase({}) // no contact: single
    await r.addContacts(await r.addCase({}), { contactedOn: '2020-10-01' })
    await r.addContacts(await r.addCase({}), { contactedOn: '2020-10-01' }, { contactedOn: '2021-09-02' })
    await r.addContacts(await r.addCase({}), { contactedOn: '2020-10-01' }, { contactedOn: '2021-08-31' })
    const { byContactCount } = (await computeReport(ctx.db, city.tenantId, PERIOD)).consultations
    expect(byContactCount).toEqual({ single: 3, continuing: 1 })
  })

  it('a contact before the period counts towards two or more, never among the period’s contacts or people', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const from = { from: '2020-09-15', to: '2021-08-31' } // mid-month: 2020-09 is half in the period
    // Opened in the period, first contacted before it (the ledger allows it): two by `to`.
    const early = await r.addCase({ openedOn: '2020-09-20' })
    await r.addContacts(early, { contactedOn: '2020-09-10' }, { contactedOn: '2020-09-20' })
    // Opened in the period with its only contact before it: one.
    await r.addContacts(await r.addCase({ openedOn: '2020-10-01' }), { contactedOn: '2020-09-01' })
    // Carried over: the contact before the period is not read for it.
    const carried = await r.addCase({ openedOn: '2020-08-01' })
    await r.addContacts(carried, { contactedOn: '2020-09-14' }, { contactedOn: '2020-09-16' })

    const report = await computeReport(ctx.db, city.tenantId, from)
    expect(report.consultations.byContactCount).toEqual({ single: 1, continuing: 1 })
    expect(report.consultations.contacts.total.total).toBe(2)
    const september = report.volumes.monthly.find((m) => m.month === '2020-09')!
    expect(september.contacts).toMatchObject({ people: 2, count: 2 })
    expect(september.consultations).toMatchObject({ people: 1, count: 1 })
    expect(report.volumes.contacts).toMatchObject({ people: 2, count: 2 })
  })

  it('contacts: every contact in the period on a window case, carried-over cases included', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const carried = await r.addCase({ openedOn: '2019-12-01' })
    await r.addContacts(
      carried,
      { contactedOn: '2019-12-01', method: 'in_person', counterpart: 'self' }, // before: not counted
      { contactedOn: '2020-09-01', method: 'in_person', counterpart: 'self' },
      { contactedOn: '2021-08-31', method: 'phone', counterpart: 'family' },
    )
    const fresh = await r.addCase({ openedOn: '2021-01-10' })
    await r.addContacts(
      fresh,
      { contactedOn: '2021-01-10', method: 'mail', counterpart: 'other' },
      { contactedOn: '2021-01-20', method: 'in_person', counterpart: 'family' },
      { contactedOn: '2021-09-01', method: 'visit', counterpart: 'self' }, // after: not counted
    )
    const ward = await r.addCase({ openedOn: '2021-01-10', intakeUnit: 'kita' })
    await r.addContacts(ward, { contactedOn: '2021-01-10', method: 'phone', counterpart: 'self' })

    const c = (await computeReport(ctx.db, city.tenantId, PERIOD)).consultations
    expect(c.total).toBe(1)
    expect(c.contacts.byMethod.in_person).toEqual({ self: 1, family: 1, other: 0, total: 2 })
    expect(c.contacts.byMethod.phone).toEqual({ self: 0, family: 1, other: 0, total: 1 })
    expect(c.contacts.byMethod.mail).toEqual({ self: 0, family: 0, other: 1, total: 1 })
    expect(c.contacts.byMethod.visit).toEqual({ self: 0, family: 0, other: 0, total: 0 })
    expect(c.contacts.total).toEqual({ self: 1, family: 2, other: 1, total: 4 })
    expect(c.monthlyInPerson.find((m) => m.month === '2020-09')!.count).toBe(1)
    expect(c.monthlyInPerson.find((m) => m.month === '2021-01')!.count).toBe(1)
    expect(c.monthlyInPerson.reduce((s, m) => s + m.count, 0)).toBe(2)
  })

  it('a ward: the residence ward for the window, the intake ward for ward centres', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const sakyo = await r.addCase({ ward: 'sakyo' })
    await r.addContacts(sakyo, { contactedOn: '2020-10-02' })
    const kita = await r.addCase({ ward: 'kita' })
    await r.addContacts(kita, { contactedOn: '2020-10-02' }, { contactedOn: '2020-10-03' })
    await r.addCase({ ward: null })
    await r.addCase({ intakeUnit: 'sakyo', ward: 'kita' })
    const report = await computeReport(ctx.db, city.tenantId, { ...PERIOD, ward: 'sakyo' })
    expect(report.period.ward).toBe('sakyo')
    expect(report.consultations.total).toBe(1)
    expect(report.consultations.contacts.total.total).toBe(1)
    expect(report.wardIntake).toEqual([{ ward: 'sakyo', count: 1 }])
  })
})
