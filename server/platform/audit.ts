import type { Db } from '../db/client.ts'
import { auditLog } from '../db/schema/index.ts'
import type { Actor } from './actor.ts'

export interface AuditEntry {
  action: string
  recordType?: string
  recordId?: string
  /** Identifiers, counts and field names only: never personal data. */
  detail?: Record<string, unknown>
}

/** Writes one audit row; call it with the transaction of the action it records. */
export async function writeAudit(db: Db, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    tenantId: actor.tenantId,
    at,
    actorId: actor.accountId,
    actorLogin: actor.loginId,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    clientAddress: actor.clientAddress,
    detail: entry.detail ?? null,
  })
}

/** For events before anyone is signed in (failed logins, first set-up). */
export async function writeAnonymousAudit(
  db: Db,
  tenantId: string,
  at: Date,
  who: { loginId: string | null; accountId: string | null; clientAddress: string },
  entry: AuditEntry,
): Promise<void> {
  await db.insert(auditLog).values({
    tenantId,
    at,
    actorId: who.accountId,
    actorLogin: who.loginId,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    clientAddress: who.clientAddress,
    detail: entry.detail ?? null,
  })
}
