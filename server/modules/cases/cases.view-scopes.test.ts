import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cases, orgUnits } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import type { CaseScope } from './cases.policy.ts'
import { findCaseView } from './cases.repository.ts'
import { openCase } from './test-support.ts'

// Case detail's lookup is one prepared statement per scope kind, the scope's value a parameter
// (cases.repository.ts): each kind finds the case it may see and nothing else.
let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function leadCase() {
  const city = await ctx.newCity()
  const s = await city.as('window_counsellor')
  const opened = await openCase(s)
  const worker = await city.user('accompaniment_worker')
  await city.user('agency_member') // the city's agency unit comes with its first member
  const [unit] = await ctx.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, city.tenantId), eq(orgUnits.kind, 'agency')))
  await ctx.db
    .update(cases)
    .set({ lead: 'specialist', leadAccountId: worker.id, leadUnitId: unit!.id, handedOverTo: 'sakyo' })
    .where(and(eq(cases.tenantId, city.tenantId), eq(cases.id, opened.id)))
  return { city, s, opened, worker, unitId: unit!.id }
}

describe('a case by id in each kind of scope', () => {
  it('finds the case for the scope that holds it, and not for one of the same kind that does not', async () => {
    const { city, opened, worker, unitId } = await leadCase()
    const other = '00000000-0000-4000-8000-000000000000'
    const seen: [CaseScope, boolean][] = [
      [{ kind: 'window' }, true],
      [{ kind: 'ward', ward: 'sakyo' }, true],
      [{ kind: 'ward', ward: 'kita' }, false],
      [{ kind: 'lead', accountId: worker.id }, true],
      [{ kind: 'lead', accountId: other }, false],
      [{ kind: 'lead_unit', unitId }, true],
      [{ kind: 'lead_unit', unitId: other }, false],
    ]
    for (const [scope, found] of seen) {
      const view = await findCaseView(ctx.db, city.tenantId, opened.id, scope)
      expect({ scope, found: view?.row.id }).toEqual({ scope, found: found ? opened.id : undefined })
    }
    // Another city's id never answers, whatever the scope.
    expect(await findCaseView(ctx.db, 'tnone', opened.id, { kind: 'window' })).toBeUndefined()
  })
})
