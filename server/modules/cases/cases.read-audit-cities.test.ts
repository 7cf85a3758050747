import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { openCase } from './test-support.ts'

// Reads audit their row in a batch of their city (server/platform/audit-batch.ts). As the application's role,
// under row-level security, a connection may write its own city's rows only: a batch holding two
// cities' rows would be refused, and the rows tried alone in the wrong city refused too.
let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
})
afterAll(() => ctx.close())

async function readsOf(tenantId: string) {
  return withTenant(tenantId, () =>
    ctx.db
      .select({ recordId: auditLog.recordId, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, 'case.read'))),
  )
}

describe("audit rows of reads in two cities at once, as the application's role", () => {
  it('answers every read and stores each row in its own city', async () => {
    const cities = await Promise.all([ctx.newCity(), ctx.newCity()])
    const readers = await Promise.all(
      cities.map(async (city) => {
        const s = await city.as('window_counsellor')
        return { city, s, opened: await openCase(s) }
      }),
    )
    // Twelve reads of each city, interleaved, all sent before any answer.
    const turns = Array.from({ length: 24 }, (_, i) => readers[i % 2]!)
    const answers = await Promise.all(turns.map(({ s, opened }) => s.get(`/api/cases/${opened.id}`)))
    expect(answers.map((a) => a.statusCode)).toEqual(turns.map(() => 200))
    for (const { city, s, opened } of readers) {
      const rows = await readsOf(city.tenantId)
      expect(rows).toHaveLength(12)
      expect(rows.every((r) => r.recordId === opened.id && r.actorId === s.user.id)).toBe(true)
    }
  })
})
