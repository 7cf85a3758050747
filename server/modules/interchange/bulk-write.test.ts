import { randomUUID } from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseEvents, cases, contacts, resources } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { anyOf, arrayLiteral, bulkInsert, fromExcluded, typed } from './bulk-write.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

/** Text a person may type that means something in an array literal or in SQL. */
const AWKWARD = [
  'NULL',
  'null',
  '',
  ' ',
  '"quoted"',
  'back\\slash',
  '\\"',
  '{braces}',
  'a,b',
  'line\r\nbreak',
  "it's",
  '$1',
  '日本語；全角',
]

describe('arrayLiteral', () => {
  it('quotes every element and writes null as NULL', () => {
    expect(arrayLiteral([])).toBe('{}')
    expect(arrayLiteral(['a', null, undefined, 3])).toBe('{"a",NULL,NULL,"3"}')
    expect(arrayLiteral(['say "hi"', 'c:\\x'])).toBe('{"say \\"hi\\"","c:\\\\x"}')
  })
})

describe('bulkInsert', () => {
  it('stores text, arrays and JSON exactly as given, across statement boundaries', async () => {
    const city = await ctx.newCity()
    const t = city.tenantId
    const now = new Date('2026-11-24T01:00:00Z')
    const rows = AWKWARD.map((text, i) => ({
      id: randomUUID(),
      caseNo: `2024-${String(i + 1).padStart(5, '0')}`,
      openedOn: '2024-04-01',
      intakeUnit: 'window',
      ward: i % 2 ? null : 'kita',
      age: i % 3 ? null : 20 + i,
      ageBand: 'unknown',
      firstConsulter: 'self',
      concerns: i % 4 ? [text, 'x'] : [],
      name: text,
    }))
    await bulkInsert(
      ctx.db,
      cases,
      rows,
      {
        columns: [
          'id',
          'caseNo',
          'openedOn',
          'intakeUnit',
          'ward',
          'age',
          'ageBand',
          'firstConsulter',
          'concerns',
          'name',
        ],
        fixed: { tenantId: t, createdAt: now, updatedAt: now },
      },
      4,
    )
    const stored = await ctx.db.select().from(cases).where(eq(cases.tenantId, t)).orderBy(asc(cases.caseNo))
    expect(stored.map((c) => c.name)).toEqual(AWKWARD)
    expect(stored.map((c) => c.concerns)).toEqual(rows.map((r) => r.concerns))
    expect(stored.map((c) => c.ward)).toEqual(rows.map((r) => r.ward))
    expect(stored.map((c) => c.age)).toEqual(rows.map((r) => r.age))
    // Column defaults still apply to the columns not written.
    expect(stored.every((c) => c.version === 1 && c.route === 'unknown' && c.status === 'open')).toBe(true)
    expect(stored[0]!.createdAt.toISOString()).toBe(now.toISOString())

    const changes = AWKWARD.map((text) => [{ field: 'name', from: null, to: text }])
    await bulkInsert(
      ctx.db,
      caseEvents,
      rows.map((r, i) => ({ caseId: r.id, changes: changes[i] })),
      {
        columns: ['caseId', 'changes'],
        fixed: { tenantId: t, at: now, actorId: null, actorName: 'x', action: 'imported' },
      },
      5,
    )
    const events = await ctx.db.select().from(caseEvents).where(eq(caseEvents.tenantId, t))
    const byCase = new Map(events.map((e) => [e.caseId, e.changes]))
    expect(rows.map((r) => byCase.get(r.id))).toEqual(changes)

    const contactRows = AWKWARD.map((text, i) => ({
      id: randomUUID(),
      caseId: rows[i]!.id,
      contactedOn: '2024-04-02',
      time: null,
      method: 'phone',
      counterpart: 'self',
      minutes: i,
      summary: text,
    }))
    await bulkInsert(ctx.db, contacts, contactRows, {
      columns: ['id', 'caseId', 'contactedOn', 'time', 'method', 'counterpart', 'minutes', 'summary'],
      fixed: { tenantId: t, createdAt: now, updatedAt: now },
    })
    const deleted = contactRows.slice(0, 3).map((c) => c.id)
    await ctx.db.delete(contacts).where(and(eq(contacts.tenantId, t), anyOf(contacts.id, deleted)))
    const left = await ctx.db.select().from(contacts).where(eq(contacts.tenantId, t))
    expect(left.map((c) => c.summary).sort()).toEqual(AWKWARD.slice(3).sort())
  })

  it('upserts: a conflicting row takes the listed values, others are added', async () => {
    const city = await ctx.newCity()
    const t = city.tenantId
    const first = new Date('2026-01-01T00:00:00Z')
    const later = new Date('2026-02-01T00:00:00Z')
    const spec = (now: Date) => ({
      columns: ['id', 'resourceNo', 'name', 'categories', 'subsidyFiscalYears', 'contact'] as const,
      fixed: { tenantId: t, createdAt: now, updatedAt: now },
      onConflict: {
        target: [resources.tenantId, resources.resourceNo],
        set: {
          ...fromExcluded(resources, ['name', 'categories', 'subsidyFiscalYears', 'contact']),
          updatedAt: typed(resources, 'updatedAt', now),
        },
      },
    })
    const a = {
      id: randomUUID(),
      resourceNo: 'R-1',
      name: 'A',
      categories: ['x'],
      subsidyFiscalYears: [2023],
    }
    await bulkInsert(ctx.db, resources, [{ ...a, contact: null }], spec(first))
    const b = { id: randomUUID(), resourceNo: 'R-2', name: 'B', categories: [], subsidyFiscalYears: [] }
    await bulkInsert(
      ctx.db,
      resources,
      [
        {
          ...a,
          id: randomUUID(),
          name: 'A2',
          categories: ['y', 'NULL'],
          subsidyFiscalYears: [2023, 2024],
          contact: '"c"',
        },
        { ...b, contact: null },
      ],
      spec(later),
    )
    const stored = await ctx.db
      .select()
      .from(resources)
      .where(eq(resources.tenantId, t))
      .orderBy(asc(resources.resourceNo))
    expect(stored).toMatchObject([
      { id: a.id, name: 'A2', categories: ['y', 'NULL'], subsidyFiscalYears: [2023, 2024], contact: '"c"' },
      { id: b.id, name: 'B', categories: [], subsidyFiscalYears: [], contact: null },
    ])
    expect(stored[0]!.createdAt.toISOString()).toBe(first.toISOString())
    expect(stored[0]!.updatedAt.toISOString()).toBe(later.toISOString())
  })
})
