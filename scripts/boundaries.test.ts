import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkBoundaries, formatViolation } from './boundaries.ts'

const root = mkdtempSync(path.join(tmpdir(), 'yorisoi-boundaries-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function plant(file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  writeFileSync(path.join(root, file), text)
}

plant(
  'package.json',
  JSON.stringify({
    imports: { '#shared/*': './shared/*', '#server/*': './server/*', '#web/*': './web/src/*' },
  }),
)
// Allowed: through an index, within one module or feature, test support from tests, packages.
plant('server/modules/cases/index.ts', "export { openCase } from './create-case.ts'\n")
plant('server/modules/cases/create-case.ts', "import * as repo from './cases.repository.ts'\n")
plant('server/modules/cases/cases.repository.ts', "import { eq } from 'drizzle-orm'\n")
plant('server/modules/cases/test-support.ts', 'export const x = 1\n')
plant('server/modules/contacts/record.ts', "import { openCase } from '#server/modules/cases/index.ts'\n")
plant('server/modules/contacts/record.test.ts', "import { x } from '#server/modules/cases/test-support.ts'\n")
plant('server/modules/index.ts', "import { a } from './cases/index.ts'\n")
plant('server/platform/http.ts', "import { z } from '#shared/contracts/common.ts'\n")
plant('web/src/features/people/panel.tsx', "import { focusSoon } from '#web/lib/focus-soon.ts'\n")
plant('shared/codes.ts', "import { z } from 'zod'\n")

// One planted violation per rule, each written a different way (alias, relative, type-only,
// dynamic import, re-export), on a known line.
plant('web/src/lib/client.ts', "// line 1\nimport type { Actor } from '#server/platform/actor.ts'\n")
plant('shared/dates.ts', "export { x } from '../web/src/lib/client.ts'\n")
plant(
  'web/src/features/cases/history.tsx',
  "import a from 'react'\n\nimport { usePeople } from '../people/panel.tsx'\n",
)
plant('server/modules/meetings/decide.ts', "const m = await import('#server/modules/cases/create-case.ts')\n")
plant('server/platform/audit.ts', "import { openCase } from '#server/modules/cases/index.ts'\n")
plant('server/modules/auth/auth.service.ts', "import * as r from '../accounts/accounts.repository.ts'\n")
plant('server/modules/accounts/accounts.repository.ts', 'export const r = 1\n')
plant('server/modules/people/index.ts', "export { findNames } from './people.repository.ts'\n")
plant('server/modules/people/people.repository.ts', 'export const findNames = 1\n')
plant('server/modules/network/shares.ts', "import { x } from '#server/modules/cases/test-support.ts'\n")

describe('the boundary check', () => {
  const found = checkBoundaries(root).map((v) => ({ at: `${v.file}:${v.line}`, rule: v.rule }))

  it.each([
    ['web/src/lib/client.ts:2', 'web-imports-server'],
    ['shared/dates.ts:1', 'shared-imports-app'],
    ['web/src/features/cases/history.tsx:3', 'feature-imports-feature'],
    ['server/modules/meetings/decide.ts:1', 'module-bypasses-index'],
    ['server/platform/audit.ts:1', 'platform-imports-module'],
    ['server/modules/auth/auth.service.ts:1', 'foreign-repository'],
    ['server/modules/people/index.ts:1', 'index-exports-repository'],
    ['server/modules/network/shares.ts:1', 'module-bypasses-index'],
  ])('reports %s as %s', (at, rule) => {
    expect(found).toContainEqual({ at, rule })
  })

  it('reports nothing else (indexes, own module, test support in tests, packages pass)', () => {
    expect(found).toHaveLength(8)
  })

  it('names the file, the line, the rule and the import', () => {
    const [v] = checkBoundaries(root).filter((x) => x.file === 'server/modules/auth/auth.service.ts')
    expect(formatViolation(v!)).toBe(
      "server/modules/auth/auth.service.ts:1  foreign-repository  '../accounts/accounts.repository.ts': " +
        "only module 'accounts' reads its repository; call its service through its index.ts",
    )
  })

  it('passes on the project itself', () => {
    expect(checkBoundaries(process.cwd()).map(formatViolation)).toEqual([])
  })
})
