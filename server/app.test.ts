import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
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

  it('sends the brotli or gzip copy the browser takes, caches hashed assets for good and revalidates pages', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'yorisoi-web-'))
    mkdirSync(join(webRoot, 'assets'))
    const script = 'console.log("よりそい");\n'.repeat(100)
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>よりそい</title>')
    writeFileSync(join(webRoot, 'index.html.br'), brotliCompressSync('<!doctype html><title>br</title>'))
    writeFileSync(join(webRoot, 'login.html'), '<!doctype html><title>ログイン</title>')
    writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    writeFileSync(join(webRoot, 'assets/app-Ab12Cd34.js'), script)
    writeFileSync(join(webRoot, 'assets/app-Ab12Cd34.js.br'), brotliCompressSync(script))
    writeFileSync(join(webRoot, 'assets/app-Ab12Cd34.js.gz'), gzipSync(script))
    const app = await buildApp({
      db: handle.db,
      clock: fixedClock(new Date()),
      config,
      serveWeb: true,
      webRoot,
    })
    const get = (url: string, encoding?: string) =>
      app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} })
    const br = await get('/assets/app-Ab12Cd34.js', 'gzip, deflate, br')
    const gz = await get('/assets/app-Ab12Cd34.js', 'gzip, deflate')
    const plain = await get('/assets/app-Ab12Cd34.js')
    const copy = await get('/assets/app-Ab12Cd34.js.br')
    const page = await get('/cases', 'br')
    const login = await get('/login?redirect=%2Fcases', 'br')
    const icon = await get('/favicon.svg')
    await app.close()

    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script)
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(script)
    for (const res of [br, gz, plain]) {
      expect(res.headers['content-type']).toMatch(/javascript/)
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(res.headers.vary).toMatch(/accept-encoding/i)
    }
    // The copies have no URL of their own.
    expect(copy.statusCode).toBe(404)

    expect(page.headers['content-type']).toMatch(/text\/html/)
    expect(page.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(page.rawPayload).toString()).toContain('<title>br</title>')
    expect(page.headers['cache-control']).toBe('no-cache')
    expect(login.body).toContain('ログイン')
    expect(login.headers['cache-control']).toBe('no-cache')
    expect(icon.statusCode).toBe(200)
    expect(icon.headers['content-type']).toMatch(/image\/svg\+xml/)
    expect(icon.headers['cache-control']).toBe('no-cache')
  })
})
