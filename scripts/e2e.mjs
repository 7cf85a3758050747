// `npm run test:e2e`: the end-to-end flows in e2e/ against a real server in the machine's
// Chromium. Steps: find Chromium, build the web app, prepare a fresh store in a temporary folder
// (accounts with passwords made for this run), start the server on a free port, run Playwright,
// stop the server and remove the folder.
import { spawn, spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SMTPServer } from 'smtp-server'
import { SERVER_FLAGS } from './node-flags.mjs'

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const inCi = process.env.CI === 'true' || process.env.CI === '1'

if (!existsSync(chromium)) {
  if (inCi) {
    console.error(
      `E2E FAILED: Chromium not found at ${chromium}. CI must have it (apt-get install chromium).`,
    )
    process.exit(1)
  }
  console.log(`E2E SKIPPED: Chromium not found at ${chromium}.`)
  console.log(
    '  To run the end-to-end tests, install it (sudo apt-get install chromium) or set CHROMIUM_PATH.',
  )
  process.exit(0)
}

/** Runs a command in the foreground and stops everything if it fails. */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  if (result.status !== 0) {
    console.error(`E2E FAILED: ${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`)
    cleanUp()
    process.exit(1)
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

const dataDir = mkdtempSync(join(tmpdir(), 'yorisoi-e2e-'))
// Traces of this run only: two runs at once (a developer's and CI's) must not clear each other's.
process.env.E2E_OUTPUT_DIR ||= mkdtempSync(join(tmpdir(), 'yorisoi-e2e-results-'))
const accountsFile = join(dataDir, 'accounts.json')
let server
/** The SMTP server the app sends to during the run (started below). */
let relay

function cleanUp() {
  if (server && server.exitCode === null) server.kill('SIGTERM')
  relay?.close()
  if (!process.env.E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true })
}

run('npx', ['vite', 'build', '--logLevel', 'warn'])
// Before the server opens the folder: PGlite allows one process at a time.
run('npx', ['tsx', 'e2e/fixtures/prepare.ts', dataDir, accountsFile])
// A second city in the same store, created as an operator would (issue 10's story): its
// organisation empty, its first administrator's link printed by the command.
const secondCity = spawnSync(
  'npx',
  ['tsx', 'server/cli.ts', 'city', 'create', 'e2e-second', '--name', '第二テスト市'],
  { env: { ...process.env, YORISOI_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' },
)
const secondToken = /#token=(\S+)/.exec(secondCity.stdout ?? '')?.[1]
if (secondCity.status !== 0 || !secondToken) {
  console.error('E2E FAILED: city create did not print a first-administrator link')
  console.error(secondCity.stdout, secondCity.stderr)
  cleanUp()
  process.exit(1)
}

// A real SMTP server for the run, so that mail is on as in a city that configured it: each mail
// it receives is one JSON line (recipients and the raw message) in E2E_MAIL_FILE for the specs.
const mailFile = join(dataDir, 'mail.jsonl')
relay = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  closeTimeout: 100,
  onData(stream, session, callback) {
    const chunks = []
    stream.on('data', (c) => chunks.push(c))
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((r) => r.address)
      appendFileSync(mailFile, `${JSON.stringify({ to, raw: Buffer.concat(chunks).toString('utf8') })}\n`)
      callback()
    })
  },
})
const relayPort = await freePort()
await new Promise((resolve) => relay.listen(relayPort, '127.0.0.1', resolve))

const port = await freePort()
const baseUrl = `http://127.0.0.1:${port}`
const serverEnv = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  YORISOI_DATA_DIR: dataDir,
  YORISOI_CITY: 'e2e',
  YORISOI_PUBLIC_URL: baseUrl,
  DATABASE_URL: '',
  LOG_LEVEL: 'warn',
  YORISOI_SMTP_URL: `smtp://127.0.0.1:${relayPort}`,
  YORISOI_MAIL_FROM: 'soudan@e2e.example.lg.jp',
  // Every spec's resident writes from 127.0.0.1: the per-address limit is for real residents.
  YORISOI_PUBLIC_SEND_LIMIT: '1000',
  // Notices go out within seconds, so a flow can wait for one.
  YORISOI_MAIL_INTERVAL_SECONDS: '2',
}
// node --import tsx (not npx tsx) so that SIGTERM reaches the server itself, which then
// closes the store and removes its lock file.
server = spawn(process.execPath, [...SERVER_FLAGS, '--import', 'tsx', 'server/main.ts'], {
  env: serverEnv,
  stdio: ['ignore', 'pipe', 'pipe'],
})
let output = ''
server.stdout.on('data', (chunk) => {
  output += chunk
})
server.stderr.on('data', (chunk) => {
  output += chunk
})

const setupUrl = await waitForServer()
console.log(`E2E server ready at ${baseUrl}`)

// Asynchronously: this process keeps serving the SMTP server above (and reading the server's
// output) while the tests run; spawnSync would freeze both until the end.
const tests = spawn(
  'npx',
  ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      CHROMIUM_PATH: chromium,
      E2E_BASE_URL: baseUrl,
      E2E_ACCOUNTS_FILE: accountsFile,
      E2E_SETUP_URL: setupUrl,
      E2E_SECOND_CITY_TOKEN: secondToken,
      E2E_MAIL_FILE: mailFile,
    },
  },
)
const status = await new Promise((resolve) => tests.on('close', (code) => resolve(code ?? 1)))
if (status !== 0) {
  console.error(`E2E FAILED. Traces: ${process.env.E2E_OUTPUT_DIR}`)
  console.error('Server output:')
  console.error(output.split('\n').slice(-40).join('\n'))
}
await stopServer()
cleanUp()
process.exit(status)

/** Waits until the API answers and the first-administrator link has been printed. */
async function waitForServer() {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break
    const link = /(http\S+\/setup#token=\S+)/.exec(output)
    if (link) {
      try {
        const res = await fetch(`${baseUrl}/api/auth/session`)
        if (res.ok) return link[1]
      } catch {
        // Not listening yet.
      }
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  console.error('E2E FAILED: the server did not start. Its output:')
  console.error(output)
  cleanUp()
  process.exit(1)
}

function stopServer() {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve()
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000)
    server.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    server.kill('SIGTERM')
  })
}
