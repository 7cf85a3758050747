// The public entry point's role (issue 11) in tests, on both backends as rls.test.ts does: on
// PostgreSQL a login role made on the test server, granted by the real command
// (`db grant --public-role`) and connected to with its own password; PGlite has one connection,
// so there the role is a SET ROLE away (the harness left it as yorisoi_app, migrated by
// yorisoi_owner; its session user is the superuser).
import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { expect } from 'vitest'
import { type Db, openDatabase } from '#server/db/client.ts'
import { runDb } from '#server/db/db.cli.ts'
import { grantPublicRole } from '#server/db/public-role.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import type { TestContext } from './harness.ts'
import { runCommand } from './run-command.ts'

/** The public role for `ctx`'s database; `drop()` after `ctx.close()`. */
export function createPublicRole(ctx: TestContext): Promise<PublicRole> {
  return ctx.databaseUrl ? postgresPublicRole(ctx.databaseUrl) : pglitePublicRole(ctx.db)
}

export interface PublicRole {
  name: string
  /** Its login URL on PostgreSQL (undefined on PGlite, where it is a SET ROLE away). */
  url: string | undefined
  /** Runs `fn` as the public role within one city's scope, as a public request does. */
  inCity<T>(tenantId: string, fn: (db: Db) => Promise<T>): Promise<T>
  /** As the owner: grants it the public role's rights again. */
  regrant(extra?: string): Promise<void>
  close(): Promise<void>
  drop(): Promise<void>
}

const SUPERUSER_URL = () => process.env.TEST_DATABASE_URL!

/** A login role on the test server, granted by `npm run yorisoi -- db grant --public-role`. */
async function postgresPublicRole(appUrl: string): Promise<PublicRole> {
  const name = `yorisoi_public_${randomBytes(5).toString('hex')}`
  const password = randomBytes(12).toString('hex')
  const admin = new pg.Client({ connectionString: SUPERUSER_URL() })
  await admin.connect()
  await admin.query(`CREATE ROLE ${name} LOGIN PASSWORD '${password}'`)
  await admin.end()
  const onTestDb = (user?: { name: string; password: string }) => {
    const url = new URL(SUPERUSER_URL())
    url.pathname = new URL(appUrl).pathname
    if (user) {
      url.username = user.name
      url.password = user.password
    }
    return url.toString()
  }
  const granted = await runDbCommand(['grant', '--public-role', name], {
    DATABASE_MIGRATION_URL: onTestDb(),
    DATABASE_URL: '',
  })
  expect(granted.code, granted.output).toBe(0)
  expect(granted.output).toContain(`${name}: 公開用の権限を設定しました`)
  const url = onTestDb({ name, password })
  const handle = await openDatabase({ url })
  /** The database owner, as the migrations ran (a superuser's session that SET ROLE to it). */
  const asOwner = async (fn: (db: Db) => Promise<void>) => {
    const client = new pg.Client({ connectionString: onTestDb() })
    await client.connect()
    try {
      const { rows } = await client.query(
        'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()',
      )
      await client.query(`SET ROLE ${rows[0].owner}`)
      await fn(drizzle(client) as unknown as Db)
    } finally {
      await client.end()
    }
  }
  return {
    name,
    url,
    inCity: (tenantId, fn) => withTenant(tenantId, () => fn(handle.db)),
    regrant: (extra) =>
      asOwner(async (db) => {
        if (extra) await db.execute(sql.raw(extra.replaceAll('$ROLE', name)))
        await grantPublicRole(db, name)
      }),
    close: () => handle.close(),
    drop: async () => {
      const c = new pg.Client({ connectionString: SUPERUSER_URL() })
      await c.connect()
      await c.query(`DROP ROLE IF EXISTS ${name}`)
      await c.end()
    },
  }
}

/**
 * The embedded store's one connection, switched between roles (the harness left it as
 * yorisoi_app, migrated by yorisoi_owner; its session user is the superuser).
 */
async function pglitePublicRole(db: Db): Promise<PublicRole> {
  const name = 'yorisoi_public'
  const asOwner = async (fn: () => Promise<void>) => {
    await db.execute(sql`SET ROLE yorisoi_owner`)
    try {
      await fn()
    } finally {
      await db.execute(sql`SET ROLE yorisoi_app`)
    }
  }
  await db.execute(sql`RESET ROLE`)
  await db.execute(sql.raw(`CREATE ROLE ${name}`))
  await asOwner(() => grantPublicRole(db, name))
  return {
    name,
    url: undefined,
    async inCity(tenantId, fn) {
      await db.execute(sql.raw(`SET ROLE ${name}`))
      await db.execute(sql`SELECT set_config('yorisoi.tenant', ${tenantId}, false)`)
      try {
        return await fn(db)
      } finally {
        await db.execute(sql`SELECT set_config('yorisoi.tenant', '*', false)`)
        await db.execute(sql`SET ROLE yorisoi_app`)
      }
    },
    regrant: (extra) =>
      asOwner(async () => {
        if (extra) await db.execute(sql.raw(extra.replaceAll('$ROLE', name)))
        await grantPublicRole(db, name)
      }),
    close: async () => {},
    drop: async () => {},
  }
}

/** `npm run yorisoi -- db …` in this process; secrets given, so that no key files go into ./data. */
export function runDbCommand(args: string[], env: Record<string, string>) {
  return runCommand(runDb, args, { YORISOI_SESSION_SECRET: 's', YORISOI_TWO_FACTOR_KEY: 'k', ...env })
}
