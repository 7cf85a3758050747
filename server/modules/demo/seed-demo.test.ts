import { and, type Column, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  casePeople,
  casePersonPhones,
  cases,
  contacts,
  seminarRegistrations,
  seminars,
} from '#server/db/schema/index.ts'
import { household8050 } from '#server/modules/cases/index.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { addDays, tokyoDate } from '#shared/dates.ts'
import { DEMO_CITY, seedDemo } from './seed-demo.ts'

let ctx: TestContext
const now = new Date('2026-11-24T01:00:00Z')

beforeAll(async () => {
  ctx = await createTestContext()
  await seedDemo(ctx.db, now, () => {})
})
afterAll(() => ctx.close())

const inDemo = (table: { tenantId: Column }) => eq(table.tenantId, DEMO_CITY.id)

describe('the demo city', () => {
  it('has its window hours and crisis lines for the residents’ pages, set once', async () => {
    const info = await orgRecords.windowInfo(ctx.db, DEMO_CITY.id)
    expect(info.hours).toContain('9時')
    expect(info.crisisLines.map((l) => l.name)).toContain('よりそいホットライン')
    await seedDemo(ctx.db, now, () => {})
    expect((await orgRecords.windowInfo(ctx.db, DEMO_CITY.id)).version).toBe(info.version)
  })

  it('has a seminar ahead with families registered (one waiting) and a family meeting held, seeded once', async () => {
    await seedDemo(ctx.db, now, () => {})
    const rows = await ctx.db.select().from(seminars).where(inDemo(seminars))
    expect(rows.map((r) => [r.kind, r.heldOn > tokyoDate(now)]).sort()).toEqual([
      ['family_meeting', false],
      ['seminar', true],
    ])
    const regs = await ctx.db.select().from(seminarRegistrations).where(inDemo(seminarRegistrations))
    expect(regs.map((r) => r.status).sort()).toEqual(['confirmed', 'confirmed', 'waitlisted'])
    const ahead = rows.find((r) => r.kind === 'seminar')!
    const seats = regs.filter((r) => r.status === 'confirmed').reduce((n, r) => n + r.attendees, 0)
    expect(seats).toBe(ahead.capacity)
  })

  it('gives family-consulted cases a parent with phones, some of them 8050 households', async () => {
    const [people] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(casePeople)
      .where(inDemo(casePeople))
    const [family] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(inDemo(cases), eq(cases.firstConsulter, 'family')))
    expect(people?.n).toBe(family?.n)
    const phones = await ctx.db.select().from(casePersonPhones).where(inDemo(casePersonPhones))
    // Fictional numbers only: the unassigned 000 exchange.
    expect(phones.length).toBeGreaterThan(0)
    expect(phones.every((p) => /^0(75|90)000\d+$/.test(p.digits))).toBe(true)
    const [flagged] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(inDemo(cases), household8050))
    expect(flagged?.n).toBeGreaterThan(0)
  })

  it('names a case’s own parent on its family contacts, and gives open cases next steps due around today', async () => {
    const named = await ctx.db
      .select({ contactCase: contacts.caseId, personCase: casePeople.caseId })
      .from(contacts)
      .innerJoin(
        casePeople,
        and(eq(casePeople.tenantId, contacts.tenantId), eq(casePeople.id, contacts.personId)),
      )
      .where(inDemo(contacts))
    expect(named.length).toBeGreaterThan(0)
    expect(named.every((r) => r.contactCase === r.personCase)).toBe(true)
    const today = tokyoDate(now)
    const due = await ctx.db
      .select({ on: contacts.nextStepDueOn, contactedOn: contacts.contactedOn })
      .from(contacts)
      .where(and(inDemo(contacts), sql`${contacts.nextStepDueOn} is not null`))
    expect(due.some((d) => d.on! < today)).toBe(true)
    expect(due.some((d) => d.on! >= today && d.on! <= addDays(today, 7))).toBe(true)
    expect(due.every((d) => d.on! >= d.contactedOn)).toBe(true)
  })
})
