// `npm run yorisoi -- backup --out FILE` and `restore FILE [--force]`: the embedded store
// (YORISOI_DATA_DIR) into one file and back. A server running on the folder is not stopped:
// the commands are refused by the folder's lock and say so (exit 75).
import { loadConfig } from '#server/platform/config.ts'
import { BackupError, backupStore, restoreStore } from './backup.ts'

const USAGE = [
  '  npm run yorisoi -- backup --out FILE.tar.gz',
  '  npm run yorisoi -- restore FILE.tar.gz [--force]',
]

function usage(message: string) {
  console.error(message)
  for (const line of USAGE) console.error(line)
  process.exitCode = 2
}

/** The data folder, or undefined (with the message printed) when PostgreSQL is configured. */
function embeddedDataDir(): string | undefined {
  const config = loadConfig()
  if (!config.databaseUrl) return config.dataDir
  console.error(
    'DATABASE_URL が設定されています。PostgreSQL は pg_dump / pg_restore でバックアップしてください' +
      ' / DATABASE_URL is set: back PostgreSQL up with pg_dump and pg_restore',
  )
  process.exitCode = 2
  return undefined
}

/** A refusal the operator can act on is one line and exit code 1; anything else is a crash. */
async function reportRefusal(work: () => Promise<void>) {
  try {
    await work()
  } catch (error) {
    if (!(error instanceof BackupError)) throw error
    console.error(error.message)
    process.exitCode = 1
  }
}

export async function runBackup(args: string[]): Promise<void> {
  let out: string | undefined
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && args[i + 1]) out = args[++i]
    else return usage(`不明な引数です / unknown argument: ${args[i]}`)
  }
  if (!out) return usage('--out で書き出すファイルを指定してください / give the file with --out')
  const dataDir = embeddedDataDir()
  if (!dataDir) return
  await reportRefusal(async () => {
    const { bytes } = await backupStore(dataDir, out)
    console.log(`バックアップしました / backed up: ${dataDir} → ${out} (${(bytes / 1e6).toFixed(1)} MB)`)
  })
}

export async function runRestore(args: string[]): Promise<void> {
  let file: string | undefined
  let force = false
  for (const a of args) {
    if (a === '--force') force = true
    else if (!a.startsWith('--') && !file) file = a
    else return usage(`不明な引数です / unknown argument: ${a}`)
  }
  if (!file) return usage('復元するバックアップファイルを指定してください / give the backup file')
  const dataDir = embeddedDataDir()
  if (!dataDir) return
  await reportRefusal(async () => {
    const { previous } = await restoreStore(dataDir, file, { force })
    console.log(`復元しました / restored: ${file} → ${dataDir}`)
    if (previous)
      console.log(
        `元のデータは ${previous} に残しました。不要になったら削除してください / the replaced store is kept in ${previous}; delete it when no longer needed`,
      )
  })
}
