import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp, loggerOptions } from './app.ts'
import { openDatabase } from './db/client.ts'
import { migrateDatabase } from './db/migrate.ts'
import { fixedClock } from './platform/clock.ts'

const handle = await openDatabase({})
await migrateDatabase(handle)
afterAll(() => handle.close())

const config = {
  idleMinutes: 30,
  defaultCity: 'kyoto',
  sessionSecret: 'a-test-secret-that-is-long-enough-0123456789',
  twoFactorKey: 'a-two-factor-key-that-is-long-enough-0123',
  trustProxy: ['127.0.0.1'],
  publicUrl: 'http://localhost',
  loginRateLimit: 1000,
  loginAddressRateLimit: 1000,
}

describe('the HTTP shell', () => {
  it('logs method, path and status but never the query string, where searches carry names', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const app = await buildApp({
      db: handle.db,
      clock: fixedClock(new Date()),
      config,
      logger: { ...loggerOptions, level: 'info', stream },
    })
    await app.inject({ method: 'GET', url: `/api/cases?q=${encodeURIComponent('山田太郎')}` })
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { loginId: 'yamada', password: 'himitsu-no-pasuwado' },
    })
    await app.close()
    const log = lines.join('')
    expect(log).toContain('/api/cases')
    expect(log).not.toContain('山田')
    expect(log).not.toContain(encodeURIComponent('山田'))
    expect(log).not.toContain('himitsu')
    expect(log).not.toContain('yamada')
  })

  it('marks the CSRF cookie Secure behind an https proxy, and not on plain http', async () => {
    const app = await buildApp({ db: handle.db, clock: fixedClock(new Date()), config })
    const https = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { 'x-forwarded-proto': 'https' },
    })
    const http = await app.inject({ method: 'GET', url: '/api/auth/session' })
    await app.close()
    expect(String(https.headers['set-cookie'])).toMatch(/; Secure/i)
    expect(String(http.headers['set-cookie'])).not.toMatch(/; Secure/i)
  })

  it('answers unknown API paths and malformed JSON with problem JSON', async () => {
    const app = await buildApp({ db: handle.db, clock: fixedClock(new Date()), config })
    const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(missing.statusCode).toBe(404)
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/)
    const session = await app.inject({ method: 'GET', url: '/api/auth/session' })
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: {
        'content-type': 'application/json',
        cookie: String(session.headers['set-cookie']).split(';')[0]!,
        'x-csrf-token': session.json().csrfToken,
      },
      payload: '{"loginId": ',
    })
    await app.close()
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json()).toMatchObject({ type: 'urn:yorisoi:problem:validation' })
  })
})

describe('serving the web app', () => {
  it('gives client routes the page, and a missing asset a 404 rather than HTML', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'yorisoi-web-'))
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>よりそい</title>')
    const app = await buildApp({
      db: handle.db,
      clock: fixedClock(new Date()),
      config,
      serveWeb: true,
      webRoot,
    })
    const page = await app.inject({ method: 'GET', url: '/cases/2f5e256b-4289-4423-96ab-603516444cfd' })
    const asset = await app.inject({ method: 'GET', url: '/assets/index-gone.js' })
    await app.close()
    expect(asset.statusCode).toBe(404)
    expect(asset.headers['content-type']).not.toMatch(/text\/html/)
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
    expect(page.body).toContain('よりそい')
  })
})
