// `npm run yorisoi -- import|export`: the ledger commands, on the same store as `npm start`
// (DATABASE_URL or YORISOI_DATA_DIR, city YORISOI_CITY). A new store is migrated and given the
// reference city first, as a start would.

import type { openDatabase } from '#server/db/client.ts'
import { openStore } from '#server/db/open-store.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { systemClock } from '#server/platform/clock.ts'
import { loadConfig } from '#server/platform/config.ts'
import { issueCount } from '#shared/interchange/issue-count.ts'
import { SHEET_KEYS, type SheetKey, sheetDef } from '#shared/interchange/sheets.ts'
import { exportLedger } from './export-ledger.ts'
import { CLI_MAX_BYTES, importLedger } from './import-ledger.ts'
import type { CsvEncoding, ImportError, ImportResult } from './read/ledger.types.ts'

async function withStore<T>(
  fn: (db: Awaited<ReturnType<typeof openDatabase>>['db'], city: string) => Promise<T>,
) {
  const config = loadConfig()
  const handle = await openStore(config)
  try {
    // Not prepareStore: issuing a first-administrator link here would withdraw the one a start printed.
    const created = await ensureCity(handle.db, {
      id: config.defaultCity,
      name: process.env.YORISOI_CITY_NAME || '京都市',
    })
    if (created)
      console.log(`New store: created city "${config.defaultCity}" with its 14 wards and ward centres.`)
    return await fn(handle.db, config.defaultCity)
  } finally {
    await handle.close()
  }
}

const sheetName = (key: string) =>
  SHEET_KEYS.includes(key as SheetKey) ? `${key}（${sheetDef(key as SheetKey).ja}）` : key
const line = (e: ImportError) => `${e.sheet} 行${e.row} 列${e.column || '-'}: ${e.reason}`

/** The warnings (stdout) and errors (stderr) of an import as the command prints them. */
export function describeIssues(result: ImportResult): { out: string[]; err: string[] } {
  const out = result.warnings.map((w) => `警告 / warning: ${line(w)}`)
  if (result.warningCount > result.warnings.length)
    out.push(`警告は${issueCount(result.warnings.length, result.warningCount)}を表示しました`)
  if (result.ok) return { out, err: [] }
  const err = [
    `エラーが${result.errorCount}件あります。何も取り込んでいません / ${result.errorCount} errors, nothing imported:`,
    ...result.errors.map((e) => `  ${line(e)}`),
  ]
  if (result.errorCount > result.errors.length)
    err.push(
      `エラーは${issueCount(result.errors.length, result.errorCount)}を表示しました / the first ${result.errors.length} of ${result.errorCount} errors are shown`,
    )
  return { out, err }
}

export async function runImport(args: string[]): Promise<void> {
  const paths: string[] = []
  let dryRun = false
  let encoding: CsvEncoding | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--dry-run') dryRun = true
    else if (a === '--encoding') {
      const e = args[++i]?.toLowerCase()
      if (e !== 'utf-8' && e !== 'cp932') return usage('--encoding は utf-8 または cp932 です')
      encoding = e
    } else if (a.startsWith('--')) return usage(`不明なオプションです: ${a}`)
    else paths.push(a)
  }
  if (paths.length === 0) return usage('取り込むファイルまたはフォルダを指定してください')
  const { importMaxRows } = loadConfig()
  const result = await withStore((db, city) =>
    importLedger(db, city, paths, {
      dryRun,
      encoding,
      actor: null,
      now: systemClock.now(),
      maxBytes: CLI_MAX_BYTES,
      maxRows: importMaxRows,
    }),
  )
  const { out, err } = describeIssues(result)
  for (const l of out) console.log(l)
  for (const l of err) console.error(l)
  if (!result.ok) {
    process.exitCode = 1
    return
  }
  console.log(dryRun ? '確認のみ（書き込みなし） / dry run, nothing written:' : '取り込みました / imported:')
  for (const [key, c] of Object.entries(result.counts))
    console.log(`  ${sheetName(key)}: 追加 added ${c.added}, 更新 updated ${c.updated}`)
}

export async function runExport(args: string[]): Promise<void> {
  let out: string | undefined
  let personal = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--out') out = args[++i]
    else if (a === '--personal') personal = true
    else return usage(`不明な引数です: ${a}`)
  }
  if (!out) return usage('--out FILE.xlsx または --out フォルダ を指定してください')
  const target = out
  const summary = await withStore((db, city) =>
    exportLedger(db, city, { out: target, personal, actor: null, now: systemClock.now() }),
  )
  console.log(`書き出しました${personal ? '（個人情報を含む）' : '（個人情報の列なし）'} / exported:`)
  for (const [key, n] of Object.entries(summary.rows)) console.log(`  ${sheetName(key)}: ${n}`)
  for (const f of summary.files) console.log(`  → ${f}`)
}

function usage(message: string) {
  console.error(message)
  console.error('  npm run yorisoi -- import PATH… [--dry-run] [--encoding utf-8|cp932]')
  console.error('  npm run yorisoi -- export --out FILE.xlsx|DIR [--personal]')
  process.exitCode = 2
}
