import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resources } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { isUniqueViolation } from './errors.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

describe('isUniqueViolation', () => {
  it('recognises the database refusing a duplicate key, through the driver and Drizzle', async () => {
    const city = await ctx.newCity()
    const row = { tenantId: city.tenantId, resourceNo: 'R-0001', name: '居場所' }
    await ctx.db.insert(resources).values(row)
    const error = await ctx.db
      .insert(resources)
      .values(row)
      .then(
        () => undefined,
        (e: unknown) => e,
      )
    expect(error).toBeDefined()
    expect(isUniqueViolation(error)).toBe(true)
    expect(isUniqueViolation(error, 'resources_no_idx')).toBe(true)
    expect(isUniqueViolation(error, 'cases_case_no_idx')).toBe(false)
  })

  it('is false for other errors', () => {
    expect(isUniqueViolation(new Error('接続できません'))).toBe(false)
    expect(isUniqueViolation({ code: '23503' })).toBe(false)
    expect(isUniqueViolation(undefined)).toBe(false)
  })
})
