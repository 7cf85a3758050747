import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Screens are for office staff: a shell command is the operator's business (README, docs), and
// one shown on a page is an instruction staff cannot follow (issue 14: the import page).
const COMMAND = /\b(?:npm (?:run|exec|start)|npx |yorisoi -- )/u

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path)
    return e.name.endsWith('.tsx') && !e.name.endsWith('.test.tsx') ? [path] : []
  })
}

describe('no shell commands on screens', () => {
  it('finds none in any component of the web app', () => {
    const root = join(import.meta.dirname, '..')
    const files = sources(root)
    expect(files.length).toBeGreaterThan(50)
    const found = files.filter((f) => COMMAND.test(readFileSync(f, 'utf8')))
    expect(found).toEqual([])
  })
})
