// `npm run public`: the residents' pages on a port (and possibly a host) of their own, for cities
// whose staff systems stay inside the closed network (LGWAN) while residents write from the
// internet. See docs/web-consultation-operations.md.
import { sql } from 'drizzle-orm'
import { loggerOptions } from './app.ts'
import { type DatabaseHandle, openDatabase } from './db/client.ts'
import { openStore } from './db/open-store.ts'
import { publicRoleWarnings } from './db/public-role.ts'
import { type Clock, systemClock } from './platform/clock.ts'
import { type Config, loadConfig } from './platform/config.ts'
import { buildPublicApp } from './public-app.ts'

export interface PublicConfig extends Config {
  /** PUBLIC_PORT (default 3001): the public pages' port, beside the staff server's PORT. */
  publicPort: number
}

export function loadPublicConfig(env: NodeJS.ProcessEnv = process.env): PublicConfig {
  const raw = env.PUBLIC_PORT
  const publicPort = raw === undefined || raw === '' ? 3001 : Number(raw)
  if (!Number.isInteger(publicPort) || publicPort <= 0 || publicPort > 65535) {
    throw new Error('PUBLIC_PORT must be a port number (1–65535)')
  }
  return { ...loadConfig(env), publicPort }
}

/** Tables and the function the public pages use: present once the staff server has migrated. */
const NEEDED = ['inquiry_threads', 'inquiry_messages', 'mail_outbox', 'audit_log', 'tenants', 'settings']

/**
 * Opens the store for the public pages. On PostgreSQL it never migrates: the migrations belong to
 * the staff server and its owner role, and the public role may not run them (nor should a host
 * facing the internet hold the owner's password). It only checks that the schema is there and
 * says what its role may do too much. Without DATABASE_URL it opens the embedded store like
 * `npm start` (for a try on one machine: the folder serves one process, so not beside it).
 */
export async function openPublicStore(
  config: Pick<Config, 'databaseUrl' | 'databaseMigrationUrl' | 'dataDir'>,
  print: (line: string) => void,
): Promise<DatabaseHandle> {
  if (!config.databaseUrl) return openStore(config, print)
  if (config.databaseMigrationUrl) {
    print(
      'DATABASE_MIGRATION_URL は公開用サーバーでは使いません（マイグレーションは職員用サーバーが行います） / ' +
        'DATABASE_MIGRATION_URL is not used by the public server: the staff server runs the migrations.',
    )
  }
  const handle = await openDatabase({ url: config.databaseUrl })
  try {
    const missing = await missingSchema(handle)
    if (missing.length) {
      throw new Error(
        `データベースに ${missing.join(', ')} がありません。先に職員用サーバー（npm start）でマイグレーションを適用してください。 / ` +
          `The database lacks ${missing.join(', ')}: start the staff server (npm start) once to migrate it first.`,
      )
    }
    for (const line of await publicRoleWarnings(handle.db)) print(line)
  } catch (error) {
    await handle.close()
    throw error
  }
  return handle
}

async function missingSchema(handle: DatabaseHandle): Promise<string[]> {
  const names = sql.join(
    NEEDED.map((t) => sql`${t}`),
    sql`, `,
  )
  const result = (await handle.db.execute(
    sql`SELECT name FROM unnest(ARRAY[${names}]::text[]) AS name
        WHERE to_regclass('public.' || name) IS NULL
        UNION ALL
        SELECT 'yorisoi_enqueue_staff_notices()' WHERE to_regprocedure(
          'public.yorisoi_enqueue_staff_notices(text, text, uuid, timestamptz, text[])') IS NULL`,
  )) as unknown as { rows: { name: string }[] }
  return result.rows.map((r) => r.name)
}

export interface PublicStartOptions {
  print?: (line: string) => void
  clock?: Clock
  /** Don't install SIGINT/SIGTERM handlers (tests start and close the server themselves). */
  signals?: boolean
}

/** Opens the store, serves the public pages on PUBLIC_PORT and HOST, and closes cleanly on a signal. */
export async function startPublicServer(config: PublicConfig, options: PublicStartOptions = {}) {
  const print = options.print ?? console.log
  const handle = await openPublicStore(config, print)
  const app = await buildPublicApp({
    db: handle.db,
    clock: options.clock ?? systemClock,
    config,
    logger: options.signals === false ? false : loggerOptions,
  })
  app.addHook('onClose', () => handle.close())

  if (options.signals !== false) {
    const shutdown = async (signal: string) => {
      app.log.info({ signal }, 'shutting down')
      await app.close()
      process.exit(0)
    }
    process.on('SIGINT', () => void shutdown('SIGINT'))
    process.on('SIGTERM', () => void shutdown('SIGTERM'))
  }

  try {
    await app.listen({ port: config.publicPort, host: config.host })
  } catch (error) {
    await app.close()
    throw error
  }
  const where = handle.kind === 'pglite' ? `embedded store in ${config.dataDir}` : 'PostgreSQL'
  print(
    `よりそい 公開ページ / public pages: http://localhost:${config.publicPort}/soudan/${config.defaultCity}/ (${where})`,
  )
  return app
}
