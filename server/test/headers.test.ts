import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '#server/app.ts'
import { addContact, openCase } from '#server/modules/cases/test-support.ts'
import { loadConfig } from '#server/platform/config.ts'
import { createTestContext, type TestContext, testAppConfig } from '#server/test/harness.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

/** The app on the test database, with its own configuration (proxy trust, public docs). */
async function appWith(config: { trustProxy?: string[]; publicApiDocs?: boolean }) {
  const app = await buildApp({
    db: ctx.db,
    clock: ctx.clock,
    config: testAppConfig(config),
  })
  await app.ready()
  return app
}

describe('Cache-Control on the API', () => {
  it('is no-store on every answer carrying personal data, and on errors', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const hq = await city.as('headquarters')
    const c = await openCase(window)
    await addContact(window, c.id)
    const answers = {
      session: await window.get('/api/auth/session'),
      cases: await window.get('/api/cases'),
      case: await window.get(`/api/cases/${c.id}`),
      contacts: await window.get(`/api/cases/${c.id}/contacts`),
      history: await window.get(`/api/cases/${c.id}/history`),
      worklist: await window.get('/api/worklist'),
      caseloads: await hq.get('/api/caseloads'),
      report: await hq.get('/api/reports?from=2026-04-01&to=2026-11-24'),
      reportXlsx: await hq.get('/api/reports.xlsx?from=2026-04-01&to=2026-11-24'),
      created: await window.post('/api/cases', { openedOn: '2026-11-10' }),
      anonymous: await ctx.app.inject({ method: 'GET', url: '/api/cases' }),
      missing: await ctx.app.inject({ method: 'GET', url: '/api/nothing-here' }),
    }
    for (const [name, res] of Object.entries(answers)) {
      expect(res.statusCode, name).toBeLessThan(500)
      expect(res.headers['cache-control'], name).toBe('no-store')
    }
    expect(answers.case.statusCode).toBe(200)
    expect(answers.caseloads.statusCode).toBe(200)
    expect(answers.report.statusCode).toBe(200)
  })
})

describe('transport and framing headers', () => {
  it('sends HSTS over https (behind a trusted proxy), never over plain http', async () => {
    // Injected requests come from 127.0.0.1: the listed proxy, or not.
    const trusting = await appWith({ trustProxy: ['127.0.0.1'] })
    const direct = await appWith({ trustProxy: ['10.0.0.1'] })
    try {
      const viaProxy = await trusting.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: { 'x-forwarded-proto': 'https' },
      })
      const plain = await trusting.inject({ method: 'GET', url: '/api/auth/session' })
      const untrusted = await direct.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: { 'x-forwarded-proto': 'https' },
      })
      expect(viaProxy.headers['strict-transport-security']).toBe('max-age=31536000')
      expect(plain.headers['strict-transport-security']).toBeUndefined()
      expect(untrusted.headers['strict-transport-security']).toBeUndefined()
    } finally {
      await trusting.close()
      await direct.close()
    }
  })

  it("carries helmet's headers on every answer: signed in or not, found or not, refused or failed", async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const answers = {
      session: await ctx.app.inject({ method: 'GET', url: '/api/auth/session' }),
      cases: await window.get('/api/cases'),
      refused: await ctx.app.inject({ method: 'GET', url: '/api/cases' }),
      missing: await ctx.app.inject({ method: 'GET', url: '/api/nothing-here' }),
      badBody: await window.post('/api/cases', { openedOn: '2026-13-45' }),
    }
    for (const [name, res] of Object.entries(answers)) {
      expect(res.headers['content-security-policy'], name).toBe(
        "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';" +
          "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'",
      )
      expect(res.headers, name).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'x-frame-options': 'DENY',
      })
      expect(res.headers['x-powered-by'], name).toBeUndefined()
    }
    expect(answers.cases.statusCode).toBe(200)
    expect(answers.refused.statusCode).toBe(401)
    expect(answers.missing.statusCode).toBe(404)
    expect(answers.badBody.statusCode).toBe(400)
  })

  it('forbids framing the same way in X-Frame-Options and the CSP', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })
    expect(res.headers['x-frame-options']).toBe('DENY')
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
  })
})

describe('the API docs', () => {
  const urls = ['/api/docs', '/api/docs/json', '/api/docs/yaml', '/api/docs/static/index.html']

  it('are for signed-in administrators only', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const hq = await city.as('headquarters')
    for (const url of urls) {
      expect((await ctx.app.inject({ method: 'GET', url })).statusCode, url).toBe(401)
      expect((await hq.get(url)).statusCode, url).toBe(403)
      expect((await admin.get(url)).statusCode, url).toBeLessThan(400)
    }
    const spec = await admin.get('/api/docs/json')
    expect(spec.statusCode).toBe(200)
    expect(Object.keys(spec.json().paths)).toContain('/api/auth/login')
    expect((await hq.get('/api/docs/json')).json()).toMatchObject({ type: 'urn:yorisoi:problem:forbidden' })
  })

  it('are open to everyone when YORISOI_PUBLIC_API_DOCS=true', async () => {
    expect(loadConfig({ YORISOI_SESSION_SECRET: 'x'.repeat(40) }).publicApiDocs).toBe(false)
    expect(
      loadConfig({ YORISOI_SESSION_SECRET: 'x'.repeat(40), YORISOI_PUBLIC_API_DOCS: 'true' }).publicApiDocs,
    ).toBe(true)
    const open = await appWith({ publicApiDocs: true })
    try {
      const res = await open.inject({ method: 'GET', url: '/api/docs/json' })
      expect(res.statusCode).toBe(200)
      expect(Object.keys(res.json().paths)).toContain('/api/cases')
    } finally {
      await open.close()
    }
  })
})
