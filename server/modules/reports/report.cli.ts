// `npm run yorisoi -- report --from DATE --to DATE [--ward CODE] [--baseline LABEL] [--8050]
//   --format json|xlsx|html [--out FILE]`: the report on the same store as `npm start`
// (DATABASE_URL or YORISOI_DATA_DIR; city YORISOI_CITY). A new store is migrated and given the
// city first, as a start would; a period with no records reports zeros. Output goes to stdout unless --out; messages go to stderr so
// that stdout stays the report alone.
import { writeFileSync } from 'node:fs'
import { openStore } from '#server/db/open-store.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { systemClock } from '#server/platform/clock.ts'
import { loadConfig } from '#server/platform/config.ts'
import { AppError } from '#server/platform/errors.ts'
import { reportQuery } from '#shared/contracts/reports.ts'
import { renderReportHtml } from './render-html.ts'
import { renderReportXlsx } from './render-xlsx.ts'
import { reportForOperator } from './reports.service.ts'

const FORMATS = ['json', 'xlsx', 'html'] as const
type Format = (typeof FORMATS)[number]

const USAGE =
  'report --from 2020-09-01 --to 2021-08-31 [--ward CODE] [--baseline LABEL] [--8050] --format json|xlsx|html [--out FILE]'

function fail(message: string): void {
  console.error(`${message}`)
  console.error(`使い方 / Usage: npm run yorisoi -- ${USAGE}`)
  process.exitCode = 2
}

export async function runReport(args: string[]): Promise<void> {
  const given: Record<string, string> = {}
  let only8050 = false
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!
    // A switch without a value: the report for 8050 households only.
    if (flag === '--8050') {
      only8050 = true
      continue
    }
    const value = args[i + 1]
    if (
      !['--from', '--to', '--ward', '--baseline', '--format', '--out'].includes(flag) ||
      value === undefined
    ) {
      return fail(`不明な引数です / unknown argument: ${flag}`)
    }
    given[flag.slice(2)] = value
    i++
  }
  const format = (given.format ?? 'json') as Format
  if (!FORMATS.includes(format)) return fail('--format は json, xlsx, html のいずれかです')
  const parsed = reportQuery.safeParse({
    from: given.from,
    to: given.to,
    ward: given.ward,
    baseline: given.baseline,
    flag8050: only8050 ? 'true' : undefined,
  })
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'))
  }

  const config = loadConfig()
  const handle = await openStore(config, console.error)
  let output: string | Buffer
  try {
    // The city as a start would create it; but no first-administrator link: issuing one here
    // would withdraw the link that the last `npm start` printed.
    const city = { id: config.defaultCity, name: process.env.YORISOI_CITY_NAME || '京都市' }
    if (await ensureCity(handle.db, city)) console.error(`New store: created city "${city.id}".`)
    const report = await reportForOperator(handle.db, systemClock, config.defaultCity, parsed.data, format)
    output =
      format === 'xlsx'
        ? await renderReportXlsx(report)
        : format === 'html'
          ? renderReportHtml(report)
          : `${JSON.stringify(report, null, 2)}\n`
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors) {
      return fail(error.fieldErrors.map((e) => `--${e.field}: ${e.message}`).join('\n'))
    }
    throw error
  } finally {
    await handle.close()
  }
  if (given.out) {
    writeFileSync(given.out, output)
    console.error(`書き出しました / wrote ${given.out}`)
  } else {
    process.stdout.write(output)
  }
}
