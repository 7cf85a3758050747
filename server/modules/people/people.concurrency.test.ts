import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestContext } from '#server/test/harness.ts'
import { aMother } from './test-support.ts'

// Many counsellors saving at once: numbers handed out per case and per fiscal year must stay
// distinct without any request failing (on PostgreSQL the requests really run side by side).

const AT_ONCE = 20
let ctx: TestContext
let counsellors: Session[]

beforeAll(async () => {
  ctx = await createTestContext()
  const city = await ctx.newCity()
  counsellors = [await city.as('window_counsellor'), await city.as('window_counsellor')]
})
afterAll(() => ctx.close())

describe('simultaneous saves', () => {
  it(`${AT_ONCE} people added to one case at once get distinct person numbers, none refused`, async () => {
    const c = await openCase(counsellors[0]!)
    const replies = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        counsellors[i % 2]!.post(`/api/cases/${c.id}/people`, aMother({ name: `同時 ${i}` })),
      ),
    )
    expect(replies.map((r) => r.statusCode)).toEqual(Array(AT_ONCE).fill(201))
    const numbers = replies.map((r) => r.json().personNo as number)
    expect(new Set(numbers).size).toBe(AT_ONCE)
    const listed = (await counsellors[0]!.get(`/api/cases/${c.id}/people`)).json() as { personNo: number }[]
    expect(listed.map((p) => p.personNo).sort((a, b) => a - b)).toEqual([...numbers].sort((a, b) => a - b))
  })

  it(`${AT_ONCE} intakes at once get distinct case numbers, none refused`, async () => {
    const replies = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        counsellors[i % 2]!.post('/api/cases', {
          openedOn: '2026-11-24',
          route: 'unknown',
          concerns: [],
          urgency: 'normal',
          gender: 'unknown',
          firstConsulter: 'self',
          name: `同時 受付${i}`,
          firstContact: { method: 'phone' },
        }),
      ),
    )
    expect(replies.map((r) => r.statusCode)).toEqual(Array(AT_ONCE).fill(201))
    const caseNos = replies.map((r) => r.json().caseNo as string)
    expect(new Set(caseNos).size).toBe(AT_ONCE)
    for (const no of caseNos) expect(no).toMatch(/^2026-\d{5}$/)
  })
})
