// The house's import rules as code, so that `npm test` stops a change that breaks them (ARCHITECTURE.md,
// "Boundaries"). Imports are read by TypeScript's own pre-processor (import, export … from, import(),
// require, type-only imports alike), and `#shared/*`, `#server/*`, `#web/*` are resolved through
// package.json's `imports`, so an alias cannot hide a crossing.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

export type Rule =
  | 'web-imports-server'
  | 'shared-imports-app'
  | 'feature-imports-feature'
  | 'module-bypasses-index'
  | 'platform-imports-module'
  | 'foreign-repository'
  | 'index-exports-repository'

export interface Violation {
  /** Relative to the root, with forward slashes. */
  file: string
  line: number
  rule: Rule
  specifier: string
  message: string
}

const SOURCE = /\.(ts|tsx|mts|cts)$/
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'migrations'])

/** Every import crossing a boundary in server/, shared/ and web/src/ under `root`. */
export function checkBoundaries(root: string): Violation[] {
  const aliases = readAliases(root)
  const violations: Violation[] = []
  for (const top of ['server', 'shared', 'web/src']) {
    for (const file of sourceFiles(path.join(root, top))) {
      const from = relative(root, file)
      const text = readFileSync(file, 'utf8')
      for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
        const to = resolve(root, aliases, file, ref.fileName)
        if (to === null) continue
        const rule = brokenRule(from, to)
        if (rule === null) continue
        violations.push({
          file: from,
          line: lineOf(text, ref.pos),
          rule: rule.rule,
          specifier: ref.fileName,
          message: rule.message,
        })
      }
    }
  }
  return violations
}

/** One line per violation: `file:line  rule  'specifier': why`. */
export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}  ${v.rule}  '${v.specifier}': ${v.message}`
}

/** The rule an import from `from` to `to` (both root-relative) breaks, or null. */
export function brokenRule(from: string, to: string): { rule: Rule; message: string } | null {
  if (from.startsWith('web/') && to.startsWith('server/')) {
    return {
      rule: 'web-imports-server',
      message: 'the web app never imports the server (share it through shared/)',
    }
  }
  if (from.startsWith('shared/') && (to.startsWith('server/') || to.startsWith('web/'))) {
    return {
      rule: 'shared-imports-app',
      message: 'shared/ imports neither server/ nor web/ (both sides import it)',
    }
  }
  const fromFeature = folderUnder(from, 'web/src/features/')
  const toFeature = folderUnder(to, 'web/src/features/')
  if (toFeature !== null && fromFeature !== null && fromFeature !== toFeature) {
    return {
      rule: 'feature-imports-feature',
      message: `feature '${fromFeature}' imports feature '${toFeature}' (move what both use to web/src/lib or web/src/components)`,
    }
  }
  const toModule = folderUnder(to, 'server/modules/')
  if (toModule === null) return null
  if (from.startsWith('server/platform/')) {
    return {
      rule: 'platform-imports-module',
      message: 'server/platform serves every module and imports none of them',
    }
  }
  const fromModule = folderUnder(from, 'server/modules/')
  const inside = to.slice(`server/modules/${toModule}/`.length)
  const isRepository = /(^|\/)([^/]+\.)?repository\.ts$/.test(inside)
  if (fromModule === toModule) {
    if (isRepository && from === `server/modules/${toModule}/index.ts`) {
      return {
        rule: 'index-exports-repository',
        message: 'an index.ts offers services and records, never the repository (its queries skip the rules)',
      }
    }
    return null
  }
  if (isRepository) {
    return {
      rule: 'foreign-repository',
      message: `only module '${toModule}' reads its repository; call its service through its index.ts`,
    }
  }
  if (inside === 'index.ts') return null
  if (inside === 'test-support.ts' && isTestCode(from)) return null
  return {
    rule: 'module-bypasses-index',
    message: `other code reaches module '${toModule}' only through server/modules/${toModule}/index.ts`,
  }
}

/** Tests and their helpers may use another module's test-support.ts (which builds records through the API). */
function isTestCode(file: string): boolean {
  return /\.test\.tsx?$/.test(file) || /(^|\/)test-support\.ts$/.test(file) || file.includes('/fixtures/')
}

/** The first folder below `prefix`, when `file` is under it. */
function folderUnder(file: string, prefix: string): string | null {
  if (!file.startsWith(prefix)) return null
  const rest = file.slice(prefix.length)
  const slash = rest.indexOf('/')
  return slash === -1 ? null : rest.slice(0, slash)
}

/** package.json's `imports` patterns ending in `/*`, as prefix → folder. */
function readAliases(root: string): [string, string][] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    imports?: Record<string, string>
  }
  return Object.entries(pkg.imports ?? {})
    .filter(([key, target]) => key.endsWith('/*') && target.endsWith('/*'))
    .map(([key, target]) => [key.slice(0, -1), path.join(root, target.slice(0, -1))])
}

/** The root-relative file an import names, or null for packages and Node built-ins. */
function resolve(root: string, aliases: [string, string][], file: string, specifier: string): string | null {
  if (specifier.startsWith('.')) return relative(root, path.resolve(path.dirname(file), specifier))
  for (const [prefix, folder] of aliases) {
    if (specifier.startsWith(prefix)) return relative(root, path.join(folder, specifier.slice(prefix.length)))
  }
  return null
}

function lineOf(text: string, position: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++
  return line
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/')
}

function* sourceFiles(dir: string): Generator<string> {
  let entries: import('node:fs').Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(full)
    } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield full
    }
  }
}
