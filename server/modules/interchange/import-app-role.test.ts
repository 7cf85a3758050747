// The server's database role on PostgreSQL holds only what grantAppRole gives it (server/db/roles.ts):
// the importer must work within that — its work tables are temporary tables (work-tables.ts),
// which every role may create by PostgreSQL's default, and a dry run opens no undo log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { baseLedger, importDir, tempDir } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
})
afterAll(() => ctx.close())

describe('the application role', () => {
  it('checks a ledger, the comparison of contacts in work tables included', async () => {
    const city = await ctx.newCity()
    const dry = await importDir(ctx.db, city.tenantId, [baseLedger(tempDir())], { dryRun: true })
    expect(dry.errors).toEqual([])
    expect(dry.counts.contacts).toEqual({ added: 3, updated: 0 })
  })
})
