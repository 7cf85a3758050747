import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

// Playwright's own runner rather than Vitest + playwright-core: it gives each test a fresh
// browser context, traces on failure and readable step output for the few flows we have.
// The browser is the machine's Chromium (CHROMIUM_PATH or /usr/bin/chromium); Playwright never
// downloads one. scripts/e2e.mjs starts the server and sets E2E_BASE_URL.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // The flows share one server and one city; running them one after another keeps them simple.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Generous: axe runs on every page, and CI's two cores may be busy.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Traces of failed flows go outside the tree, where neither git nor Biome looks.
  outputDir: process.env.E2E_OUTPUT_DIR || join(tmpdir(), 'yorisoi-e2e-results'),
  use: {
    baseURL: process.env.E2E_BASE_URL,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
})
