// Writes openapi.json from the routes the app registers, or with --check fails when the committed
// file differs (CI runs the check, so the spec never drifts from the code).
// The app is built on an empty in-memory store and never listens: only its route table is read.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildApp } from '#server/app.ts'
import { openDatabase } from '#server/db/client.ts'
import { systemClock } from '#server/platform/clock.ts'
import { loadConfig } from '#server/platform/config.ts'

const target = fileURLToPath(new URL('../openapi.json', import.meta.url))
const check = process.argv.includes('--check')

const handle = await openDatabase({})
const app = await buildApp({
  db: handle.db,
  clock: systemClock,
  // From an empty environment, so the spec never depends on the machine it is generated on.
  config: loadConfig({
    YORISOI_SESSION_SECRET: 'openapi-generation-only-never-serves-0123456789',
    YORISOI_TWO_FACTOR_KEY: 'openapi-generation-only-never-serves-0123456789',
  }),
})
await app.ready()
const text = `${JSON.stringify(app.swagger(), null, 2)}\n`
await app.close()
await handle.close()

if (check) {
  let committed = ''
  try {
    committed = readFileSync(target, 'utf8')
  } catch {
    // A missing file is stale too.
  }
  if (committed !== text) {
    console.error('openapi.json is stale: run npm run openapi')
    process.exit(1)
  }
  console.log('openapi.json is up to date.')
} else {
  writeFileSync(target, text)
  console.log(`Wrote ${target}`)
}
