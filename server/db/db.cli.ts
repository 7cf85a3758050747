// `npm run yorisoi -- db grant --app-role NAME` / `db grant --public-role NAME`: gives a
// PostgreSQL role its rights on the database DATABASE_MIGRATION_URL names, after migrating it.
// The application's role (server/db/roles.ts): `npm start` grants it itself when both URLs are
// set; this is for operators who set up the database before the first start, or whose server
// runs elsewhere. The public role (server/db/public-role.ts): what `npm run public` runs as on
// a host outside the city's closed network; nothing grants it but this command.
import { loadConfig } from '#server/platform/config.ts'
import { openDatabase } from './client.ts'
import { migrateDatabase } from './migrate.ts'
import { grantPublicRole } from './public-role.ts'
import { checkRoleName, grantAppRole } from './roles.ts'

const USAGE = 'db grant --app-role NAME | --public-role NAME   (DATABASE_MIGRATION_URL: the owner role)'

const KINDS = {
  '--app-role': {
    grant: grantAppRole,
    done: 'rights granted (audit_log: SELECT, INSERT only)',
    doneJa: '権限を設定しました',
  },
  '--public-role': {
    grant: grantPublicRole,
    done: 'rights granted (web consultation threads and messages, settings; no cases, accounts or audit reads)',
    doneJa: '公開用の権限を設定しました',
  },
} as const

function usage(message: string): void {
  console.error(message)
  console.error(`使い方 / Usage: npm run yorisoi -- ${USAGE}`)
  process.exitCode = 2
}

export async function runDb(args: string[]): Promise<void> {
  const [sub, flag, role] = args
  const kind = KINDS[flag as keyof typeof KINDS]
  if (sub !== 'grant' || !kind || !role || args.length !== 3) {
    return usage(
      'db grant --app-role NAME か db grant --public-role NAME の形で指定してください / expected: db grant --app-role NAME or db grant --public-role NAME',
    )
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
    await kind.grant(owner.db, role)
    console.log(`${role}: ${kind.doneJa} / ${kind.done}`)
  } finally {
    await owner.close()
  }
}
