import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { computeReport } from './compute-report.ts'
import { caseIdAt, recordsFor } from './test-support.ts'

// On a PostgreSQL pool the window's contacts are read in two halves of the case ids side by side
// (contacts.sql.ts); in a transaction, and on PGlite, in one statement. Cases of one ward on
// either side of the middle id (and on it) must add up to the one statement's figures.

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

// Not whole months (to is not a month's last day): the contacts themselves are read, not the
// monthly tallies (window-contact-tallies.sql.ts). No contact falls on 04-30.
const PERIOD = { from: '2021-03-01', to: '2021-04-29' }

describe('the contacts read in halves of the cases', () => {
  it('give the figures of one statement: each ward once, every count summed', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const low = await r.addCase({
      id: caseIdAt(city.tenantId, '00000000'),
      openedOn: '2021-03-02',
      ward: 'kita',
    })
    const middle = await r.addCase({
      id: caseIdAt(city.tenantId, '80000000'),
      openedOn: '2021-03-20',
      ward: 'kita',
    })
    const high = await r.addCase({
      id: caseIdAt(city.tenantId, 'f0000000'),
      openedOn: '2020-12-01',
      ward: 'kita',
    })
    const noWard = await r.addCase({ id: caseIdAt(city.tenantId, 'ff000000'), openedOn: '2021-04-01' })
    await r.addContacts(
      low,
      { contactedOn: '2021-03-02' },
      { contactedOn: '2021-04-15', method: 'in_person' },
    )
    await r.addContacts(middle, { contactedOn: '2021-03-20', method: 'visit', counterpart: 'self' })
    await r.addContacts(
      high,
      { contactedOn: '2021-01-10' },
      { contactedOn: '2021-03-25' },
      { contactedOn: '2021-04-02' },
    )
    await r.addContacts(
      noWard,
      { contactedOn: '2021-04-01' },
      { contactedOn: '2021-04-03', method: 'in_person' },
    )

    const pooled = await computeReport(ctx.db, city.tenantId, PERIOD)
    const inOneStatement = await ctx.db.transaction((tx) => computeReport(tx, city.tenantId, PERIOD))
    expect(pooled).toEqual(inOneStatement)
    const kita = pooled.volumes.byWard.find((w) => w.ward === 'kita')!
    // Contacts in the period: low 2, middle 1, high 2; three cases. Opened in the period: low, middle.
    expect(kita.contacts).toMatchObject({ people: 3, count: 5 })
    expect(kita.consultations).toMatchObject({ people: 2, count: 3 })
    expect(pooled.volumes.contacts).toMatchObject({ people: 4, count: 7 })
    // Opened in the period with two or more contacts by the end: low and noWard.
    expect(pooled.consultations.byContactCount).toEqual({ single: 1, continuing: 2 })
    expect(pooled.consultations.contacts.total.total).toBe(7)
  })
})
