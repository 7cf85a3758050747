// `npm run yorisoi -- <command>`: the operator's commands (demo, import, export, report, audit,
// db, inquiries, backup, restore); each is a function taking the remaining arguments.
import { runBackup, runRestore } from './db/backup.cli.ts'
import { runDb } from './db/db.cli.ts'
import { exitIfStoreInUse } from './db/store-lock.ts'
import { runAudit } from './modules/audit/index.ts'
import { DEMO_CITY, printDemoLogins, seedDemo } from './modules/demo/index.ts'
import { runInquiries } from './modules/inquiries/index.ts'
import { runExport, runImport } from './modules/interchange/index.ts'
import { runMail } from './modules/mail/index.ts'
import { runCity } from './modules/org/index.ts'
import { runReport } from './modules/reports/index.ts'
import { systemClock } from './platform/clock.ts'
import { loadConfig } from './platform/config.ts'
import { startServer } from './serve.ts'

type Command = { summary: string; run: (args: string[]) => Promise<void> }

const commands: Record<string, Command> = {
  demo: {
    summary: 'デモ用の架空の市でサーバーを起動 / start the server with a fictional demo city (./data-demo)',
    run: runDemo,
  },
  import: {
    summary:
      '台帳（.xlsx / .csv / フォルダ）を取り込む / import a ledger: PATH… [--dry-run] [--encoding utf-8|cp932]',
    run: runImport,
  },
  export: {
    summary: '台帳を書き出す / export the ledger: --out FILE.xlsx|DIR [--personal]',
    run: runExport,
  },
  report: {
    summary:
      '取組検証の統計を出力 / the evaluation report: --from DATE --to DATE [--ward CODE] [--baseline LABEL] --format json|xlsx|html [--out FILE]',
    run: runReport,
  },
  audit: {
    summary:
      '監査ログの改ざん検査 / verify the audit log’s hash chain: verify [--city ID] [--max-delay-minutes N]',
    run: runAudit,
  },
  city: {
    summary: '同じ環境に市を追加 / add a city to this deployment: create ID --name 名称 [--from-reference]',
    run: runCity,
  },
  mail: {
    summary: '期限の来たメール通知を送信 / send the due mail notices once: send-due',
    run: runMail,
  },
  db: {
    summary:
      'ロールに権限を付与（アプリ用・公開用） / grant a role its rights: grant --app-role NAME | --public-role NAME',
    run: runDb,
  },
  inquiries: {
    summary:
      'ウェブ相談の保存期間を適用（放置スレッドの終了・本文の削除） / inquiry retention: close idle threads, remove old text: retention',
    run: runInquiries,
  },
  backup: {
    summary:
      '組み込みデータベースをバックアップ（サーバー停止中に） / back the embedded store up (server stopped): --out FILE.tar.gz',
    run: runBackup,
  },
  restore: {
    summary:
      'バックアップから復元（サーバー停止中に） / restore the embedded store from a backup (server stopped): FILE.tar.gz [--force]',
    run: runRestore,
  },
  help: {
    summary: 'このヘルプを表示 / show this help',
    run: async () => printUsage(console.log),
  },
}

function printUsage(print: (line: string) => void) {
  print('使い方 / Usage: npm run yorisoi -- <command>')
  print('')
  for (const [name, command] of Object.entries(commands)) print(`  ${name.padEnd(9)} ${command.summary}`)
}

/**
 * The demo always runs on its own embedded store (YORISOI_DATA_DIR, default ./data-demo) and
 * ignores DATABASE_URL: demo accounts with printed passwords must never land in a real database.
 */
async function runDemo() {
  if (process.env.DATABASE_URL)
    console.log('Demo: DATABASE_URL is ignored; the demo uses its own embedded store.')
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: '',
    YORISOI_DATA_DIR: process.env.YORISOI_DATA_DIR || './data-demo',
    YORISOI_CITY: DEMO_CITY.id,
  })
  let logins: Awaited<ReturnType<typeof seedDemo>> = []
  await startServer(config, {
    beforePrepare: async (handle) => {
      logins = await seedDemo(handle.db, systemClock.now(), console.log)
    },
  })
  printDemoLogins(logins, config.publicUrl, console.log)
}

const [name = 'help', ...args] = process.argv.slice(2)
const command = commands[name]
if (!command) {
  console.error(`不明なコマンドです / Unknown command: ${name}`)
  console.error('')
  printUsage(console.error)
  process.exit(2)
}
await command.run(args).catch(exitIfStoreInUse)
