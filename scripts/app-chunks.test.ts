import type { Rolldown } from 'vite'
import { describe, expect, it } from 'vitest'
import { appChunks } from './app-chunks.ts'

// A small app: the shell (index.html → main → router) with two lazily loaded pages, and the
// login page (login.html → login-main), which shares a button with one of the pages.
const graph: Record<string, { importers?: string[]; dynamicImporters?: string[]; isEntry?: boolean }> = {
  '/web/index.html': { isEntry: true },
  '/web/login.html': { isEntry: true },
  '/web/src/main.tsx': { importers: ['/web/index.html'] },
  '/web/src/router.tsx': { importers: ['/web/src/main.tsx'] },
  '/web/src/routes/cases.tsx': { dynamicImporters: ['/web/src/router.tsx'] },
  '/web/src/routes/meetings.tsx': { dynamicImporters: ['/web/src/router.tsx'] },
  '/web/src/table.tsx': { importers: ['/web/src/routes/cases.tsx', '/web/src/routes/meetings.tsx'] },
  '/web/src/agenda.tsx': { importers: ['/web/src/routes/meetings.tsx'] },
  '/web/src/login-main.tsx': { importers: ['/web/login.html'] },
  '/web/src/button.tsx': { importers: ['/web/src/login-main.tsx', '/web/src/routes/cases.tsx'] },
  '/node_modules/@tanstack/react-query/index.js': {
    importers: ['/web/src/router.tsx', '/web/src/table.tsx'],
  },
  '\0vite/preload-helper.js': { importers: ['/web/src/router.tsx'] },
}

const ctx = {
  getModuleInfo: (id: string) => {
    const m = graph[id]
    return m ? { isEntry: false, importers: [], dynamicImporters: [], ...m } : null
  },
} as unknown as Rolldown.ChunkingContext

describe('the common file of the app', () => {
  const chunkOf = appChunks()

  it('takes what the shell loads and what two or more pages share', () => {
    expect(chunkOf('/web/src/router.tsx', ctx)).toBe('common')
    expect(chunkOf('/web/src/table.tsx', ctx)).toBe('common')
    expect(chunkOf('/node_modules/@tanstack/react-query/index.js', ctx)).toBe('common')
  })

  it('leaves a page’s own modules with the page, and the pages and entries themselves', () => {
    expect(chunkOf('/web/src/agenda.tsx', ctx)).toBeNull()
    expect(chunkOf('/web/src/routes/cases.tsx', ctx)).toBeNull()
    expect(chunkOf('/web/src/main.tsx', ctx)).toBeNull()
    expect(chunkOf('\0vite/preload-helper.js', ctx)).toBeNull()
  })

  it('moves nothing the login page loads, so it loads no staff-app code', () => {
    expect(chunkOf('/web/src/button.tsx', ctx)).toBeNull()
    expect(chunkOf('/web/src/login-main.tsx', ctx)).toBeNull()
  })
})
