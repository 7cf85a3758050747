import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Append-only audit log. A trigger (migration 0001) rejects UPDATE and DELETE. `detail` holds
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
