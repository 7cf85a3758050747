import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * An account's TOTP (RFC 6238) secret. The row exists from the start of enrolment; it counts only
 * once enabled_at is set (the owner confirmed a first code). The secret is AES-256-GCM encrypted
 * with the server's two-factor key (server/platform/secret-box.ts), never stored or logged plain.
 */
export const accountTotp = pgTable(
  'account_totp',
  {
    tenantId: text('tenant_id').notNull(),
    accountId: uuid('account_id').notNull(),
    secretSealed: text('secret_sealed').notNull(),
    enabledAt: timestamp('enabled_at', { withTimezone: true }),
    /** The time step of the last code accepted: a code of this step or an earlier one is a replay. */
    lastStep: bigint('last_step', { mode: 'number' }),
    /**
     * Wrong codes in a row. Kept apart from the password's failure count, which a correct password
     * clears: otherwise whoever knows the password could guess codes forever, 9 at a time.
     */
    failedCodes: integer('failed_codes').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.accountId] })],
)

/** Single-use recovery codes, for when the authenticator is lost. Only their hashes are kept. */
export const accountRecoveryCodes = pgTable(
  'account_recovery_codes',
  {
    tenantId: text('tenant_id').notNull(),
    accountId: uuid('account_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.accountId, t.codeHash] })],
)
