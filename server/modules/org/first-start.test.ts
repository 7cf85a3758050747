import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accounts, wards } from '#server/db/schema/index.ts'
import { createTestContext, sessionCookie, type TestContext } from '#server/test/harness.ts'
import { createCity, issueFirstAdminLink } from './city-setup.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function post(url: string, payload: unknown) {
  const anon = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })
  return ctx.app.inject({
    method: 'POST',
    url,
    headers: { cookie: sessionCookie(anon.headers['set-cookie']), 'x-csrf-token': anon.json().csrfToken },
    payload: payload as never,
  })
}

describe('first start: the first administrator chooses where the organisation starts', () => {
  it.each([
    ['reference', 14],
    ['empty', 0],
  ] as const)('%s: the setup link asks, and the city gets %i wards', async (organisation, count) => {
    const id = `c${organisation}`
    await createCity(ctx.db, { id, name: '新しい市' }, 'empty')
    const token = (await issueFirstAdminLink(ctx.db, id, ctx.clock.now()))!
    expect((await post('/api/auth/password-links/describe', { token })).json()).toMatchObject({
      purpose: 'first_admin',
      choosesOrganisation: true,
    })
    const used = await post('/api/auth/password-links/use', {
      token,
      loginId: 'admin',
      name: '管理 花子',
      organisation,
      password: 'atarashii-shi-no-kanrisha-2026',
    })
    expect(used.statusCode, used.body).toBe(204)
    expect(await ctx.db.select().from(wards).where(eq(wards.tenantId, id))).toHaveLength(count)
    expect(await ctx.db.select().from(accounts).where(eq(accounts.tenantId, id))).toHaveLength(1)
  })

  it('does not ask a city that already has its organisation', async () => {
    const city = await ctx.newCity()
    const token = (await issueFirstAdminLink(ctx.db, city.tenantId, ctx.clock.now()))!
    expect((await post('/api/auth/password-links/describe', { token })).json().choosesOrganisation).toBe(
      false,
    )
  })
})
