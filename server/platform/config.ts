import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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
  /** Behind a reverse proxy that terminates https: trust its X-Forwarded-* headers. */
  trustProxy: boolean
  /** The city a login names when it names none (one-city deployments). */
  defaultCity: string
  /** Base URL printed in one-time links. */
  publicUrl: string
  /** Login attempts per client address per minute, before the account lockout even counts. */
  loginRateLimit: number
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
    trustProxy: env.YORISOI_TRUST_PROXY === 'true',
    defaultCity: env.YORISOI_CITY || 'kyoto',
    loginRateLimit: intFrom(env.YORISOI_LOGIN_RATE_LIMIT, 30, 'YORISOI_LOGIN_RATE_LIMIT'),
    publicUrl: (env.YORISOI_PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
  }
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
