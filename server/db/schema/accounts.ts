import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

export const accounts = pgTable(
  'accounts',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    loginId: text('login_id').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    unitId: uuid('unit_id').notNull(),
    active: boolean('active').notNull().default(true),
    /** argon2id; null until the account's owner sets a password through a one-time link. */
    passwordHash: text('password_hash'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('accounts_login_idx').on(t.tenantId, t.loginId),
  ],
)

/**
 * One-time links to set a password: the first administrator's setup (no account yet, so
 * account_id is null) and resets issued by an administrator. Only the token's hash is kept.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    tenantId: text('tenant_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id'),
    purpose: text('purpose').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.tokenHash] })],
)

/**
 * Server-side sessions for @fastify/session. Looked up by session id before the city is
 * known, so the id alone is the key; tenant_id still comes first in the account index.
 */
export const sessions = pgTable(
  'sessions',
  {
    sid: text('sid').primaryKey(),
    tenantId: text('tenant_id'),
    accountId: uuid('account_id'),
    data: jsonb('data').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.tenantId, t.accountId)],
)
