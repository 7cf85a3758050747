// `npm run test:budgets` (part of `npm test`, after a build): how many bytes of JavaScript each
// first load of the built web app downloads, gzip-compressed, against the budgets of issue 14.
// Read from Vite's manifest (dist/web/.vite/manifest.json): a page's first load is its HTML
// entry's script with every chunk it imports statically, plus for an app page the page's own
// chunk and its static imports; what a page imports dynamically (the report's chart, the
// password dictionary) comes later and is not part of it. Sizes in bytes, 1 KB = 1,000 bytes.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { constants, gzipSync } from 'node:zlib'

export interface Budgets {
  loginKB: number
  pageKB: number
  totalKB: number
}

/** Issue 14's targets, gzip KB: printed with PASS or MISS beside each first load. */
export const TARGETS = {
  /** The login page's first load (login.html). */
  loginKB: 80,
  /** The app (index.html) opened on any one page. */
  pageKB: 170,
  /** Every script of the app, but the password dictionary (below). */
  totalKB: 300,
} as const

/**
 * What fails `npm test`: issue 14's targets, met since the contracts' schemas stay out of the
 * browser (scripts/contracts-for-browser.ts), the report's chart is drawn without uPlot and the
 * shared modules go into one file (scripts/app-chunks.ts): the case page 164 KB, the total 286 KB.
 */
export const LIMITS = {
  loginKB: TARGETS.loginKB,
  pageKB: TARGETS.pageKB,
  totalKB: TARGETS.totalKB,
} as const

/**
 * zxcvbn's word lists (1.9 MB), fetched only while someone types a new password (account setup,
 * reset): data, not the app's code, so outside the total; reported on its own.
 */
const DICTIONARY_SRC = '../shared/password-strength.ts'

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}
export type Manifest = Record<string, ManifestChunk>

export interface Load {
  name: string
  files: string[]
  gzip: number
  brotli: number
}

export interface BudgetReport {
  login: Load
  pages: Load[]
  total: Load
  dictionary: Load | undefined
}

/** The JavaScript files loaded with `key`: its own and every static import's, once each. */
export function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key]
  if (!chunk) throw new Error(`${key} is not in the build's manifest`)
  if (into.has(chunk.file)) return into
  if (chunk.file.endsWith('.js')) into.add(chunk.file)
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into)
  return into
}

function sizes(dir: string, files: Iterable<string>) {
  let gzip = 0
  let brotli = 0
  for (const file of files) {
    const data = readFileSync(join(dir, file))
    // Level 9, as the .gz copies the server sends (scripts/precompress.ts).
    gzip += gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length
    // Files too small to compress are sent as they are (scripts/precompress.ts).
    const br = join(dir, `${file}.br`)
    brotli += existsSync(br) ? readFileSync(br).length : data.length
  }
  return { gzip, brotli }
}

function load(dir: string, name: string, files: Set<string>): Load {
  const list = [...files].sort()
  return { name, files: list, ...sizes(dir, list) }
}

/** Measures the build in `dir` (dist/web). */
export function measure(dir: string): BudgetReport {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Manifest
  const app = staticClosure(manifest, 'index.html')
  const pages = Object.entries(manifest)
    .filter(([key, chunk]) => chunk.isDynamicEntry && /^src\/app\/routes\/[^/]+\.tsx$/.test(key))
    .map(([key]) =>
      load(dir, key.replace(/^src\/app\/routes\//, '/'), staticClosure(manifest, key, new Set(app))),
    )
  const everything = new Set(
    Object.entries(manifest)
      .filter(([key, chunk]) => key !== DICTIONARY_SRC && chunk.file.endsWith('.js'))
      .map(([, chunk]) => chunk.file),
  )
  const dictionary = manifest[DICTIONARY_SRC]
  return {
    login: load(dir, 'login.html', staticClosure(manifest, 'login.html')),
    pages: pages.sort((a, b) => b.gzip - a.gzip),
    total: load(dir, 'total', everything),
    dictionary: dictionary ? load(dir, 'password dictionary', new Set([dictionary.file])) : undefined,
  }
}

/** What goes over its budget, one line each; none when all fit. */
export function overBudget(report: BudgetReport, limits: Budgets = LIMITS): string[] {
  const kb = (bytes: number) => bytes / 1000
  const over: string[] = []
  if (kb(report.login.gzip) > limits.loginKB) {
    over.push(`login page: ${kb(report.login.gzip).toFixed(1)} KB gzip > ${limits.loginKB} KB`)
  }
  for (const page of report.pages) {
    if (kb(page.gzip) > limits.pageKB) {
      over.push(`page ${page.name}: ${kb(page.gzip).toFixed(1)} KB gzip > ${limits.pageKB} KB`)
    }
  }
  if (kb(report.total.gzip) > limits.totalKB) {
    over.push(`all scripts: ${kb(report.total.gzip).toFixed(1)} KB gzip > ${limits.totalKB} KB`)
  }
  return over
}

function line(load: Load, target?: number) {
  const kb = (bytes: number) => (bytes / 1000).toFixed(1)
  const verdict =
    target === undefined ? '' : `${load.gzip / 1000 <= target ? 'PASS' : 'MISS'} (target ${target} KB)`
  return `${load.name.padEnd(26)} gzip ${kb(load.gzip).padStart(6)} KB  brotli ${kb(load.brotli).padStart(6)} KB  ${String(load.files.length).padStart(2)} files  ${verdict}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../dist/web', import.meta.url))
  const report = measure(dir)
  console.log('First loads of the built web app (JavaScript, 1 KB = 1,000 bytes):')
  console.log(line(report.login, TARGETS.loginKB))
  for (const page of report.pages) console.log(line(page, TARGETS.pageKB))
  console.log(line(report.total, TARGETS.totalKB))
  if (report.dictionary) console.log(line(report.dictionary))
  const over = overBudget(report)
  for (const o of over) console.error(`OVER BUDGET: ${o}`)
  console.log(
    `Limits in npm test: login ${LIMITS.loginKB} KB, page ${LIMITS.pageKB} KB, total ${LIMITS.totalKB} KB`,
  )
  const checks = 2 + report.pages.length
  console.log(`budgets: ${checks - over.length} passed, ${over.length} failed`)
  process.exit(over.length ? 1 : 0)
}
