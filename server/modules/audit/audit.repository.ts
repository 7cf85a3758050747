import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { auditLog } from '#server/db/schema/index.ts'

export interface AuditFilter {
  /** Instants bounding the Tokyo days asked for. */
  fromAt?: Date
  toAt?: Date
  action?: string
  actor?: string
  recordType?: string
  recordId?: string
  page: number
  pageSize: number
}

export async function findAuditEntries(db: Db, tenantId: string, f: AuditFilter) {
  const conditions: SQL[] = [eq(auditLog.tenantId, tenantId)]
  if (f.fromAt) conditions.push(gte(auditLog.at, f.fromAt))
  if (f.toAt) conditions.push(lt(auditLog.at, f.toAt))
  if (f.action) conditions.push(eq(auditLog.action, f.action))
  if (f.actor) conditions.push(eq(auditLog.actorLogin, f.actor))
  if (f.recordType) conditions.push(eq(auditLog.recordType, f.recordType))
  if (f.recordId) conditions.push(eq(auditLog.recordId, f.recordId))
  const where = and(...conditions)
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
  const [total] = await db.select({ n: count() }).from(auditLog).where(where)
  return { rows, total: total?.n ?? 0 }
}
