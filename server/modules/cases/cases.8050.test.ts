import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type Session, type TestContext } from '#server/test/harness.ts'
import { is8050 } from './household-8050.ts'
import { openCase } from './test-support.ts'

let ctx: TestContext
let window: Session

beforeAll(async () => {
  ctx = await createTestContext()
  const city = await ctx.newCity()
  window = await city.as('window_counsellor')
})
afterAll(() => ctx.close())

interface Member {
  relationship: string
  age?: number | null
  livesWith?: boolean | null
  care?: string[]
}

// The person's age at intake, the people around them, and whether the case is 8050.
const TABLE: [string, number | null, Member[], boolean][] = [
  ['45, living with a mother of 72', 45, [{ relationship: 'mother', age: 72, livesWith: true }], true],
  [
    '45, living with a mother of 65 with care needs',
    45,
    [{ relationship: 'mother', age: 65, livesWith: true, care: ['care_needs'] }],
    true,
  ],
  ['50, living with a father of 70', 50, [{ relationship: 'father', age: 70, livesWith: true }], true],
  [
    '40, living with a father whose care manager is involved (age unknown)',
    40,
    [{ relationship: 'father', livesWith: true, care: ['care_manager'] }],
    true,
  ],
  ['35, living with a mother of 72', 35, [{ relationship: 'mother', age: 72, livesWith: true }], false],
  ['45, mother of 72 living apart', 45, [{ relationship: 'mother', age: 72, livesWith: false }], false],
  ['45, mother of 72, not known whether together', 45, [{ relationship: 'mother', age: 72 }], false],
  ['45, living with a mother of 69', 45, [{ relationship: 'mother', age: 69, livesWith: true }], false],
  ['45, living with a sibling of 75', 45, [{ relationship: 'sibling', age: 75, livesWith: true }], false],
  [
    'age unknown, living with a mother of 80',
    null,
    [{ relationship: 'mother', age: 80, livesWith: true }],
    false,
  ],
  ['45, nobody recorded', 45, [], false],
]

async function caseWith(age: number | null, people: Member[], openedOn = '2026-11-10') {
  const c = await openCase(window, { age, ageBand: age == null ? 'unknown' : undefined, openedOn })
  for (const p of people) {
    const res = await window.post(`/api/cases/${c.id}/people`, p)
    expect(res.statusCode, res.body).toBe(201)
  }
  return c
}

describe('the 8050 flag', () => {
  it.each(TABLE)(
    '%s → %s, on the case page and by the in-memory rule',
    async (_what, age, people, flagged) => {
      const c = await caseWith(age, people)
      const detail = (await window.get(`/api/cases/${c.id}`)).json()
      expect(detail.household8050).toBe(flagged)
      const band = age == null ? 'unknown' : age >= 40 ? '40plus' : 'under40'
      const members = people.map((p) => ({
        relationship: p.relationship,
        age: p.age ?? null,
        livesWith: p.livesWith ?? null,
        care: p.care ?? [],
      }))
      expect(is8050(band, members)).toBe(flagged)
    },
  )

  it('follows a change to the household: the mother moving out clears it', async () => {
    const c = await caseWith(45, [])
    const mother = (
      await window.post(`/api/cases/${c.id}/people`, { relationship: 'mother', age: 75, livesWith: true })
    ).json()
    expect((await window.get(`/api/cases/${c.id}`)).json().household8050).toBe(true)
    await window.patch(`/api/cases/${c.id}/people/${mother.id}`, { version: 1, livesWith: false })
    expect((await window.get(`/api/cases/${c.id}`)).json().household8050).toBe(false)
  })

  it('filters the case list and the work list with flag8050=true', async () => {
    // Opened this week, so that the work list's third list shows both.
    const flagged = await caseWith(48, [{ relationship: 'father', age: 78, livesWith: true }], '2026-11-23')
    const plain = await caseWith(48, [{ relationship: 'father', age: 60, livesWith: true }], '2026-11-23')
    const ids = (items: { id: string; household8050: boolean }[]) => items.map((c) => c.id)

    const all = (await window.get('/api/cases?pageSize=200')).json()
    expect(ids(all.items)).toEqual(expect.arrayContaining([flagged.id, plain.id]))
    const only = (await window.get('/api/cases?flag8050=true&pageSize=200')).json()
    expect(ids(only.items)).toContain(flagged.id)
    expect(ids(only.items)).not.toContain(plain.id)
    expect(only.items.every((c: { household8050: boolean }) => c.household8050)).toBe(true)
    expect(only.total).toBe(only.items.length)
    const notFiltered = (await window.get('/api/cases?flag8050=false&pageSize=200')).json()
    expect(notFiltered.total).toBe(all.total)

    const week = (await window.get('/api/worklist?flag8050=true')).json().openedThisWeek
    expect(ids(week)).toContain(flagged.id)
    expect(ids(week)).not.toContain(plain.id)
    expect(ids((await window.get('/api/worklist')).json().openedThisWeek)).toContain(plain.id)
    expect((await window.get('/api/cases?flag8050=yes')).statusCode).toBe(400)
  })
})
