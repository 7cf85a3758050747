import { randomUUID } from 'node:crypto'
import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { parentEntriesRead, setTrap, springTrap, TRAP_TENANT } from '#server/test/plan-trap.ts'
import { bulkInsert } from './bulk-write.ts'

// On both stores: the trap of server/test/plan-trap.ts, in tables of the test's own (as the
// database's owner, who may create them). Counted in index entries read, not timed.
let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: false })
})
afterAll(() => ctx.close())

describe('bulkInsert straight into the tables (the import on PostgreSQL)', () => {
  it('plans the foreign-key checks again as the tables grow (server/db/replan.ts)', async () => {
    await setTrap(ctx.db)
    const parents = pgTable('replan_parent', {
      tenantId: text('tenant_id'),
      id: uuid('id'),
      pad: text('pad'),
    })
    const children = pgTable('replan_child', {
      tenantId: text('tenant_id'),
      id: integer('id'),
      parent: uuid('parent'),
    })
    const added = Array.from({ length: 7000 }, () => ({ id: randomUUID(), pad: '寄' }))
    const latest = added.slice(-200).map((p) => p.id)
    const read = await ctx.db.transaction(async (tx) => {
      await springTrap(tx)
      // 7 statements of 1,000 parents (BULK_ROWS), then one of children of the latest.
      await bulkInsert(tx, parents, added, { columns: ['id', 'pad'], fixed: { tenantId: TRAP_TENANT } })
      const childrenOf = (ids: string[], from: number) => ids.map((parent, i) => ({ id: from + i, parent }))
      await bulkInsert(tx, children, childrenOf(latest.slice(0, 100), 1), {
        columns: ['id', 'parent'],
        fixed: { tenantId: TRAP_TENANT },
      })
      const before = await parentEntriesRead(tx)
      await bulkInsert(tx, children, childrenOf(latest.slice(100), 101), {
        columns: ['id', 'parent'],
        fixed: { tenantId: TRAP_TENANT },
      })
      return (await parentEntriesRead(tx)) - before
    })
    // 100 checks through the primary key, an entry each (kept from the first 1,000 parents: ~8,000 each).
    expect(read).toBe(100)
  })
})
