// The second pass of `npm run test:unit`: the server's module tests again, on PostgreSQL.
// server/test/harness.ts creates (and drops) one database per test file on TEST_DATABASE_URL's
// server when YORISOI_TEST_DB=postgres, so the same suite proves both stores behave alike.
// TEST_DATABASE_URL must be a superuser: each file's database is owned by a fresh owner role that
// migrates it, and the app runs as a fresh application role (only SELECT/INSERT on the audit
// log), both dropped afterwards.
import { spawnSync } from 'node:child_process'

const url = process.env.TEST_DATABASE_URL
if (!url) {
  console.log(
    'PostgreSQL pass skipped: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
  )
  process.exit(0)
}

console.log(`Module tests on PostgreSQL (${redact(url)})`)
// *.embedded.test.ts: only the embedded store has what they test (e.g. an interrupted import's
// undo log, restored when the store opens), so they are left out here rather than skipped.
const result = spawnSync('npx', ['vitest', 'run', 'server', '--exclude', '**/*.embedded.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, YORISOI_TEST_DB: 'postgres' },
})
if (result.error) {
  console.error(`Could not start vitest: ${result.error.message}`)
  process.exit(1)
}
process.exit(result.status ?? 1)

/** The URL without its password, for the log. */
function redact(text) {
  try {
    const u = new URL(text)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'TEST_DATABASE_URL'
  }
}
