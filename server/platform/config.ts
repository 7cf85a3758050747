import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { join, resolve } from 'node:path'

export interface Config {
  port: number
  host: string
  /** PGlite's folder (YORISOI_DATA_DIR, default ./data). Also holds the session secret file. */
  dataDir: string
  /** postgres://… when set: PostgreSQL instead of the embedded store. */
  databaseUrl: string | undefined
  /**
   * postgres://… of the owner role that runs the migrations (DATABASE_MIGRATION_URL); the server
   * itself then runs as DATABASE_URL's role, which may only read and append the audit log.
   */
  databaseMigrationUrl: string | undefined
  sessionSecret: string
  /** Encrypts the accounts' TOTP secrets at rest (YORISOI_TWO_FACTOR_KEY, or a file in the data folder). */
  twoFactorKey: string
  /** Minutes without a request after which a session ends. */
  idleMinutes: number
  /**
   * The reverse proxies (addresses or CIDRs) whose X-Forwarded-* headers are believed; empty: none.
   * Only a listed proxy can name the client's address, so nobody else can forge it in the audit
   * log or hide behind rotating addresses from the login rate limits.
   */
  trustProxy: string[]
  /** The city a login names when it names none (one-city deployments). */
  defaultCity: string
  /** Base URL printed in one-time links. */
  publicUrl: string
  /** Login attempts per minute for one login ID from one address (and 3× that from all addresses). */
  loginRateLimit: number
  /** Failed logins per minute from one address, whichever login IDs they name (an office's NAT). */
  loginAddressRateLimit: number
  /** Rows a sheet of an imported ledger may have; a larger one is refused before it is read whole. */
  importMaxRows: number
  /** The API docs (/api/docs) for everyone instead of signed-in administrators only. */
  publicApiDocs: boolean
  publicSendLimit: number
  /**
   * smtp:// or smtps:// URL of the mail relay (YORISOI_SMTP_URL, credentials in it); unset: no
   * mail is sent and the public pages offer no notice address.
   */
  smtpUrl: string | undefined
  /** The From address of every mail (YORISOI_MAIL_FROM); required with an SMTP URL. */
  mailFrom: string | undefined
  /** Seconds between the mail worker's passes over the outbox (YORISOI_MAIL_INTERVAL_SECONDS). */
  mailIntervalSeconds: number
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`)
  return n
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom(env.PORT, 3000, 'PORT')
  const host = env.HOST || '0.0.0.0'
  const dataDir = resolve(env.YORISOI_DATA_DIR || './data')
  return {
    port,
    host,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL || undefined,
    sessionSecret: env.YORISOI_SESSION_SECRET || secretFile(dataDir, 'session.secret'),
    twoFactorKey: env.YORISOI_TWO_FACTOR_KEY || secretFile(dataDir, 'two-factor.key'),
    idleMinutes: intFrom(env.YORISOI_IDLE_MINUTES, 30, 'YORISOI_IDLE_MINUTES'),
    trustProxy: trustedProxies(env.YORISOI_TRUST_PROXY),
    defaultCity: env.YORISOI_CITY || 'kyoto',
    loginRateLimit: intFrom(env.YORISOI_LOGIN_RATE_LIMIT, 10, 'YORISOI_LOGIN_RATE_LIMIT'),
    loginAddressRateLimit: intFrom(
      env.YORISOI_LOGIN_ADDRESS_RATE_LIMIT,
      100,
      'YORISOI_LOGIN_ADDRESS_RATE_LIMIT',
    ),
    // Above a national year's ledger; Excel itself stops at 1,048,576 rows.
    importMaxRows: intFrom(env.YORISOI_IMPORT_MAX_ROWS, 2_000_000, 'YORISOI_IMPORT_MAX_ROWS'),
    publicApiDocs: env.YORISOI_PUBLIC_API_DOCS === 'true',
    // New web consultations one address may send in 10 minutes (a library PC or a city's NAT
    // shares one address; the e2e run sends from 127.0.0.1 for every test).
    publicSendLimit: intFrom(env.YORISOI_PUBLIC_SEND_LIMIT, 5, 'YORISOI_PUBLIC_SEND_LIMIT'),
    publicUrl: (env.YORISOI_PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    ...mailSettings(env),
    mailIntervalSeconds: intFrom(env.YORISOI_MAIL_INTERVAL_SECONDS, 60, 'YORISOI_MAIL_INTERVAL_SECONDS'),
  }
}

/**
 * YORISOI_SMTP_URL and YORISOI_MAIL_FROM. A wrong setting stops the start-up with a message that
 * names it but never repeats the URL, which may carry the relay's password.
 */
export function mailSettings(env: NodeJS.ProcessEnv): Pick<Config, 'smtpUrl' | 'mailFrom'> {
  const smtpUrl = env.YORISOI_SMTP_URL?.trim() || undefined
  const mailFrom = env.YORISOI_MAIL_FROM?.trim() || undefined
  if (!smtpUrl) return { smtpUrl: undefined, mailFrom }
  let url: URL
  try {
    url = new URL(smtpUrl)
  } catch {
    throw new Error(
      'YORISOI_SMTP_URL must be a URL such as smtp://relay.example.lg.jp:587 or smtps://user:password@relay.example.lg.jp',
    )
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new Error('YORISOI_SMTP_URL must start with smtp:// or smtps:// and name the relay host')
  }
  if (!mailFrom || !/^[^\s@<>]+@[^\s@<>]+$/.test(mailFrom)) {
    throw new Error(
      'YORISOI_MAIL_FROM must be the sender address (e.g. soudan@city.example.lg.jp) when YORISOI_SMTP_URL is set',
    )
  }
  return { smtpUrl, mailFrom }
}

/**
 * YORISOI_TRUST_PROXY: comma-separated proxy addresses or CIDRs (`127.0.0.1,10.0.0.0/8`). `true`
 * (trust every client) is refused: with HOST 0.0.0.0 anyone could then claim any address.
 */
export function trustedProxies(value: string | undefined): string[] {
  const text = value?.trim() ?? ''
  if (text === '' || text === 'false') return []
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/')
    const family = isIP(address ?? '')
    const prefix = Number(bits)
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && prefix <= (family === 6 ? 128 : 32))
    if (!family || !prefixOk || rest.length) {
      throw new Error(
        `YORISOI_TRUST_PROXY must list the reverse proxies' addresses or CIDRs, comma-separated (e.g. 127.0.0.1,10.0.0.0/8); "${entry}" is not one`,
      )
    }
  }
  return entries
}

/**
 * Without YORISOI_SESSION_SECRET (or YORISOI_TWO_FACTOR_KEY), a random secret is made once and kept
 * (mode 0600) in the data folder, so restarts keep people logged in (and their TOTP secrets
 * readable) and no secret ships with the code.
 */
function secretFile(dataDir: string, name: string): string {
  const file = join(dataDir, name)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(48).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
