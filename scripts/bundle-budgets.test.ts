import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LIMITS, type Manifest, measure, overBudget, staticClosure } from './bundle-budgets.ts'

// A small build as Vite writes it: two HTML entries, a shared chunk, two pages (one with a
// dynamic import of its own) and the password dictionary.
const manifest: Manifest = {
  'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_react-r.js', '_router-t.js'] },
  'login.html': { file: 'assets/login-l.js', isEntry: true, imports: ['_react-r.js'] },
  '_react-r.js': { file: 'assets/react-r.js' },
  '_router-t.js': { file: 'assets/router-t.js', imports: ['_react-r.js'] },
  'src/app/routes/home.tsx': {
    file: 'assets/home-h.js',
    isDynamicEntry: true,
    imports: ['_router-t.js', '_table-x.js'],
    dynamicImports: ['src/chart.tsx'],
  },
  'src/app/routes/cases.tsx': { file: 'assets/cases-c.js', isDynamicEntry: true, imports: ['_table-x.js'] },
  '_table-x.js': { file: 'assets/table-x.js' },
  'src/chart.tsx': { file: 'assets/chart-g.js', isDynamicEntry: true },
  '../shared/password-strength.ts': { file: 'assets/password-strength-p.js', isDynamicEntry: true },
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-budgets-'))
  mkdirSync(join(dir, '.vite'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, '.vite/manifest.json'), JSON.stringify(manifest))
  for (const chunk of Object.values(manifest)) writeFileSync(join(dir, chunk.file), `/* ${chunk.file} */`)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('bundle budgets', () => {
  it('counts a first load as the entry and its static imports, each once, never a dynamic import', () => {
    expect([...staticClosure(manifest, 'src/app/routes/home.tsx')].sort()).toEqual([
      'assets/home-h.js',
      'assets/react-r.js',
      'assets/router-t.js',
      'assets/table-x.js',
    ])
  })

  it('gives the login page its own load, each page the app’s plus its own, and a total without the dictionary', () => {
    const report = measure(dir)
    expect(report.login.files).toEqual(['assets/login-l.js', 'assets/react-r.js'])
    const cases = report.pages.find((p) => p.name === '/cases.tsx')
    expect(cases?.files).toEqual([
      'assets/cases-c.js',
      'assets/index-a.js',
      'assets/react-r.js',
      'assets/router-t.js',
      'assets/table-x.js',
    ])
    expect(report.pages.map((p) => p.name).sort()).toEqual(['/cases.tsx', '/home.tsx'])
    expect(report.total.files).toContain('assets/chart-g.js')
    expect(report.total.files).not.toContain('assets/password-strength-p.js')
    expect(report.dictionary?.files).toEqual(['assets/password-strength-p.js'])
  })

  it('names each first load over its limit', () => {
    writeFileSync(join(dir, 'assets/table-x.js'), crypto.getRandomValues(new Uint8Array(60_000)))
    const over = overBudget(measure(dir), { ...LIMITS, pageKB: 50, totalKB: 500 })
    expect(over).toHaveLength(2)
    expect(over.join('\n')).toMatch(/page \/cases\.tsx: 6\d\.\d KB gzip > 50 KB/)
    expect(over.join('\n')).not.toMatch(/login|all scripts/)
  })
})
