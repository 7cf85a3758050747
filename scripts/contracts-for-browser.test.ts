import { describe, expect, it } from 'vitest'
import { contractForBrowser } from './contracts-for-browser.ts'

// A contract module as the TypeScript transform leaves it.
const source = `import { z } from 'zod'
import { defineContract } from './define.ts'
const caseParams = z.object({ id: z.uuid() }).describe('The case')
export const LABELS = { open: '対応中' }
export function optional(check) { return z.string().transform((v) => check(v)) }
export const getCase = defineContract({
  method: 'GET',
  path: '/api/cases/:id',
  summary: 'One case',
  tags: ['cases'],
  params: caseParams,
  response: optional(String),
})
`

describe('contracts in the browser build', () => {
  const { code } = contractForBrowser(source, '/repo/shared/contracts/cases.ts')

  it('keeps a contract’s method and path only, so its schemas are referenced no more', () => {
    expect(code).toContain("defineContract({ method: 'GET', path: '/api/cases/:id' })")
    expect(code).not.toMatch(/summary|tags|params: caseParams|response:/)
  })

  it('marks the calls of top-level declarations pure, so an unused schema is dropped whole', () => {
    expect(code).toContain(
      "const caseParams = /* @__PURE__ */ /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.uuid() }).describe('The case')",
    )
    expect(code).toContain('export const getCase = /* @__PURE__ */ defineContract(')
  })

  it('leaves functions and plain constants as they are', () => {
    expect(code).toContain("export const LABELS = { open: '対応中' }")
    expect(code).toContain('export function optional(check) { return z.string().transform((v) => check(v)) }')
  })
})
