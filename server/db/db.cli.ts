// `npm run yorisoi -- db grant --app-role NAME`: gives the application's PostgreSQL role its
// rights (server/db/roles.ts) on the database DATABASE_MIGRATION_URL names, after migrating it.
// `npm start` does the same itself when both URLs are set; this is for operators who set up the
// database before the first start, or whose server runs elsewhere.
import { loadConfig } from '#server/platform/config.ts'
import { openDatabase } from './client.ts'
import { migrateDatabase } from './migrate.ts'
import { checkRoleName, grantAppRole } from './roles.ts'

const USAGE = 'db grant --app-role NAME   (DATABASE_MIGRATION_URL: the owner role)'

function usage(message: string): void {
  console.error(message)
  console.error(`使い方 / Usage: npm run yorisoi -- ${USAGE}`)
  process.exitCode = 2
}

export async function runDb(args: string[]): Promise<void> {
  const [sub, flag, role] = args
  if (sub !== 'grant' || flag !== '--app-role' || !role || args.length !== 3) {
    return usage('db grant --app-role NAME の形で指定してください / expected: db grant --app-role NAME')
  }
  try {
    checkRoleName(role)
  } catch {
    return usage(`ロール名が正しくありません / not a role name: ${role.slice(0, 64)}`)
  }
  const config = loadConfig()
  const url = config.databaseMigrationUrl ?? config.databaseUrl
  if (!url) return usage('DATABASE_MIGRATION_URL を設定してください / set DATABASE_MIGRATION_URL')
  const owner = await openDatabase({ url })
  try {
    await migrateDatabase(owner)
    await grantAppRole(owner.db, role)
    console.log(`${role}: 権限を設定しました / rights granted (audit_log: SELECT, INSERT only)`)
  } finally {
    await owner.close()
  }
}
