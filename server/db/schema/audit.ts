import {
  bigint,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

/**
 * Append-only audit log. A trigger (migration 0001) rejects UPDATE and DELETE; on PostgreSQL the
 * application's role may only SELECT and INSERT here (server/db/roles.ts). `detail` holds
 * identifiers and field names only, never personal data.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorLogin: text('actor_login'),
    action: text('action').notNull(),
    recordType: text('record_type'),
    recordId: text('record_id'),
    clientAddress: text('client_address'),
    detail: jsonb('detail'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_at_idx').on(t.tenantId, t.at),
    index('audit_record_idx').on(t.tenantId, t.recordType, t.recordId),
  ],
)

/**
 * The hash chain over each city's audit rows, one link per row, in commit order. Only the
 * database writes it: a deferred trigger (migration audit_chain_trigger, owned by the owner role)
 * appends a link when a transaction that inserted audit rows commits. `hash` covers the row's
 * content, `seq`, `chained_at` and `prev_hash` (the previous link's hash), so a changed, removed
 * or inserted row breaks the chain at that link; `npm run yorisoi -- audit verify` walks it.
 */
export const auditChain = pgTable(
  'audit_chain',
  {
    tenantId: text('tenant_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    /** The database's clock when the row was chained: a backdated `at` shows against it. */
    chainedAt: timestamp('chained_at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    uniqueIndex('audit_chain_row_idx').on(t.tenantId, t.auditId),
  ],
)
