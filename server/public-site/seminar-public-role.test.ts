import { afterAll, beforeAll, expect, it } from 'vitest'
import { scheduleSeminar } from '#server/modules/seminars/test-support.ts'
import { buildPublicApp } from '#server/public-app.ts'
import { createTestContext, type TestContext, testAppConfig } from '#server/test/harness.ts'
import { createPublicRole, type PublicRole } from '#server/test/public-role.ts'
import type { SeminarDetail } from '#shared/contracts/seminars.ts'
import { browser } from './test-support.ts'

// Behind `npm run public` (server/db/public-role.ts): the role's grants are enough for a family to
// register, wait, cancel and move the next one up — and the staff see it.
let ctx: TestContext
let publicRole: PublicRole
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
  publicRole = await createPublicRole(ctx)
})
afterAll(async () => {
  await publicRole?.close()
  await ctx.close()
  await publicRole?.drop()
})

it('registers, waitlists, cancels and moves up under the public role', async () => {
  const city = await ctx.newCity()
  const ward = await city.as('ward_coordinator', { ward: 'sakyo' })
  const { id } = await scheduleSeminar(ward, { capacity: 1, title: '左京 家族教室' })
  const config = testAppConfig({ defaultCity: city.tenantId })
  const urls = await publicRole.inCity(city.tenantId, async (db) => {
    const app = await buildPublicApp({ db, clock: ctx.clock, config })
    try {
      const out: string[] = []
      for (const name of ['一番目', '二番目']) {
        const b = browser(app)
        expect((await b.get(`/soudan/${city.tenantId}/seminars`)).body).toContain('左京 家族教室')
        await b.get(`/soudan/${city.tenantId}/seminars/${id}`)
        const sent = await b.post(`/soudan/${city.tenantId}/seminars/${id}`, {
          name,
          attendees: '1',
          email: `${out.length}@example.jp`,
        })
        expect(sent.statusCode, sent.body.slice(0, 300)).toBe(303)
        out.push(String(sent.headers.location))
      }
      const b = browser(app)
      await b.get(out[0]!)
      expect((await b.post(out[0]!, {})).statusCode).toBe(303)
      expect((await b.get(out[1]!)).body).toContain('参加が決まっています。')
      return out
    } finally {
      await app.close()
    }
  })
  expect(urls).toHaveLength(2)
  const detail = (await ward.get(`/api/seminars/${id}`)).json() as SeminarDetail
  expect(detail.registrations.map((r) => [r.name, r.status])).toEqual([
    ['一番目', 'cancelled'],
    ['二番目', 'confirmed'],
  ])
})
