import { readdirSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'

// As in the browser build (vite.config.ts): the contracts load with zod's stand-in.
vi.mock('zod', () => import('./zod-stand-in.ts'))

const contractsDir = new URL('../../../shared/contracts/', import.meta.url)
const modules = readdirSync(contractsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))

describe('zod’s stand-in in the web build', () => {
  it('loads every contract module, keeping each contract’s method and path and the plain constants', async () => {
    let contracts = 0
    for (const file of modules) {
      const mod = (await import(new URL(file, contractsDir).href)) as Record<string, unknown>
      for (const value of Object.values(mod)) {
        const c = value as { method?: unknown; path?: unknown; summary?: unknown }
        if (typeof c.summary !== 'string') continue
        expect(c.method).toMatch(/^(GET|POST|PATCH|PUT|DELETE)$/)
        expect(c.path).toMatch(/^\/api\//)
        contracts++
      }
    }
    expect(contracts).toBeGreaterThan(50)
    const { CASE_SORTS } = await import('#shared/contracts/cases.ts')
    expect(CASE_SORTS).toContain('caseNo')
  })

  it('refuses to validate, so browser code cannot silently skip a check', async () => {
    const { login } = await import('#shared/contracts/auth.ts')
    const body = login.body as unknown as {
      parse: (v: unknown) => unknown
      safeParse: (v: unknown) => unknown
    }
    expect(() => body.parse({})).toThrow(/not in the web build/)
    expect(() => body.safeParse({})).toThrow(/not in the web build/)
  })
})
