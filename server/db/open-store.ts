import type { Config } from '#server/platform/config.ts'
import { type DatabaseHandle, embeddedClient, openDatabase } from './client.ts'
import { undoInterruptedImports } from './interrupted-imports.ts'
import { migrateDatabase } from './migrate.ts'
import { appRoleWarnings, grantAppRole } from './roles.ts'

/**
 * Opens the store the configuration names, migrated. On PostgreSQL with DATABASE_MIGRATION_URL,
 * the migrations run on that (owner) connection, which then grants the application's role —
 * DATABASE_URL's user — its rights; the server and the commands use DATABASE_URL only. Without it
 * the migrations run on DATABASE_URL as before, and a warning says what that costs. The embedded
 * store has one built-in user: no roles to separate there; once migrated, any import a dead
 * process left half done is undone (interrupted-imports.ts).
 */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'databaseMigrationUrl' | 'dataDir'>,
  warn: (line: string) => void = console.warn,
): Promise<DatabaseHandle> {
  if (!config.databaseUrl) {
    const handle = await openDatabase({ dataDir: config.dataDir })
    await closeOnError(handle, async () => {
      await migrateDatabase(handle)
      // An import the process did not live to finish is undone before anything else reads the store.
      await undoInterruptedImports(embeddedClient(handle.db)!, handle.db, warn)
    })
    return handle
  }
  const handle = await openDatabase({ url: config.databaseUrl })
  await closeOnError(handle, async () => {
    if (config.databaseMigrationUrl) {
      const owner = await openDatabase({ url: config.databaseMigrationUrl })
      try {
        await migrateDatabase(owner)
        await grantAppRole(owner.db, await currentUser(handle))
      } finally {
        await owner.close()
      }
    } else {
      await migrateDatabase(handle).catch((error: unknown) => {
        if (!isPermissionDenied(error)) throw error
        throw new Error(
          'DATABASE_URL のロールにはマイグレーションの権限がありません。DATABASE_MIGRATION_URL に所有者ロールを設定してください。 / ' +
            'DATABASE_URL’s role may not run the migrations: set DATABASE_MIGRATION_URL to the owner role (see README).',
        )
      })
    }
    for (const line of await appRoleWarnings(handle.db)) warn(line)
  })
  return handle
}

/** DATABASE_URL's role as the server sees it (the URL may leave the user to the environment). */
async function currentUser(handle: DatabaseHandle): Promise<string> {
  const result = (await handle.db.execute('SELECT current_user AS me')) as unknown as {
    rows: { me: string }[]
  }
  return result.rows[0]!.me
}

async function closeOnError(handle: DatabaseHandle, fn: () => Promise<void>): Promise<void> {
  try {
    await fn()
  } catch (error) {
    await handle.close()
    throw error
  }
}

/** SQLSTATE 42501 (insufficient privilege), possibly wrapped by Drizzle in `cause`. */
function isPermissionDenied(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '42501') return true
  }
  return false
}
