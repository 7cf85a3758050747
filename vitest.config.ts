import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'scripts/**/*.test.ts',
      'server/**/*.test.ts',
      'shared/**/*.test.ts',
      'web/src/**/*.test.{ts,tsx}',
    ],
    // Each file opens its own database; PGlite's start-up dominates, so a generous timeout.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
