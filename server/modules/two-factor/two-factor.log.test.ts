import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp, loggerOptions } from '#server/app.ts'
import { openDatabase } from '#server/db/client.ts'
import { migrateDatabase } from '#server/db/migrate.ts'
import { accounts, orgUnits } from '#server/db/schema/index.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { fixedClock } from '#server/platform/clock.ts'
import { hashPassword } from '#server/platform/crypto.ts'
import type { TestCity, TestContext, TestUser } from '#server/test/harness.ts'
import { TEST_PASSWORD, testAppConfig } from '#server/test/harness.ts'
import { codeAt, enrol, passwordLogin } from './two-factor.fixtures.ts'

const handle = await openDatabase({})
await migrateDatabase(handle)
afterAll(() => handle.close())

describe('the server log', () => {
  it('holds no TOTP key, recovery code or password through enrolment and both kinds of login', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const clock = fixedClock(new Date('2026-11-24T01:00:00Z'))
    const config = testAppConfig()
    const app = await buildApp({
      db: handle.db,
      clock,
      config,
      logger: { ...loggerOptions, level: 'debug', stream },
    })
    // The fixtures need only the app and the clock of a test context.
    const ctx = { app, clock } as unknown as TestContext
    const tenantId = `t${randomBytes(5).toString('hex')}`
    await ensureCity(handle.db, { id: tenantId, name: 'ログの市' })
    const [hq] = await handle.db.select().from(orgUnits)
    const [row] = await handle.db
      .insert(accounts)
      .values({
        tenantId,
        loginId: 'log-admin',
        name: '管理 太郎',
        role: 'admin',
        unitId: hq!.id,
        passwordHash: await hashPassword(TEST_PASSWORD),
      })
      .returning()
    const city = { tenantId } as TestCity
    const user = { id: row!.id, loginId: 'log-admin', tenantId, role: 'admin' } as TestUser

    const first = await passwordLogin(ctx, city, user)
    const { secret, recoveryCodes } = await enrol(ctx, first.c)
    clock.advance(30_000)
    const second = await passwordLogin(ctx, city, user)
    await second.c.post('/api/auth/two-factor/verify', { code: `${secret.slice(0, 4)}x` })
    expect((await second.c.post('/api/auth/two-factor/verify', { code: recoveryCodes[0] })).statusCode).toBe(
      200,
    )
    const third = await passwordLogin(ctx, city, user)
    expect(
      (await third.c.post('/api/auth/two-factor/verify', { code: codeAt(ctx, secret) })).statusCode,
    ).toBe(200)
    await app.close()

    const log = lines.join('')
    expect(log).toContain('/api/auth/two-factor/verify')
    for (const text of [
      secret,
      ...recoveryCodes,
      ...recoveryCodes.map((c) => c.replace('-', '')),
      TEST_PASSWORD,
    ]) {
      expect(log).not.toContain(text)
    }
  })
})
