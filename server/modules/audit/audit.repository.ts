import { and, count, desc, eq, gte, inArray, isNotNull, lt, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accounts, auditLog, cases } from '#server/db/schema/index.ts'

export interface AuditFilter {
  /** Instants bounding the Tokyo days asked for. */
  fromAt?: Date | undefined
  toAt?: Date | undefined
  action?: string | undefined
  actor?: string | undefined
  recordType?: string | undefined
  recordId?: string | undefined
  caseNo?: string | undefined
}

/**
 * The case a row is about: the record itself for case rows, else the caseId its detail names
 * (contacts, people, support records write it so). Text, as record ids are stored.
 */
const caseRef = sql<
  string | null
>`coalesce(case when ${auditLog.recordType} = 'case' then ${auditLog.recordId} end,
  ${auditLog.detail}->>'caseId')`

const caseNoOfRow = sql<string | null>`(select ${cases.caseNo} from ${cases}
  where ${cases.tenantId} = ${auditLog.tenantId} and ${cases.id}::text = ${caseRef})`

async function conditionsOf(db: Db, tenantId: string, f: AuditFilter): Promise<SQL | undefined> {
  const conditions: SQL[] = [eq(auditLog.tenantId, tenantId)]
  if (f.fromAt) conditions.push(gte(auditLog.at, f.fromAt))
  if (f.toAt) conditions.push(lt(auditLog.at, f.toAt))
  if (f.action) conditions.push(eq(auditLog.action, f.action))
  if (f.actor) conditions.push(eq(auditLog.actorLogin, f.actor))
  if (f.recordType) conditions.push(eq(auditLog.recordType, f.recordType))
  if (f.recordId) conditions.push(eq(auditLog.recordId, f.recordId))
  if (f.caseNo) {
    const found = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.tenantId, tenantId), eq(cases.caseNo, f.caseNo)))
    const ids = found.map((c) => c.id)
    conditions.push(ids.length ? inArray(caseRef, ids) : sql`false`)
  }
  return and(...conditions)
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorLogin: auditLog.actorLogin,
  actorName: accounts.name,
  action: auditLog.action,
  recordType: auditLog.recordType,
  recordId: auditLog.recordId,
  clientAddress: auditLog.clientAddress,
  detail: auditLog.detail,
  caseId: caseRef,
  caseNo: caseNoOfRow,
}

function rowsOf(db: Db, where: SQL | undefined) {
  return db
    .select(columns)
    .from(auditLog)
    .leftJoin(accounts, and(eq(accounts.tenantId, auditLog.tenantId), eq(accounts.id, auditLog.actorId)))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
}

export type AuditRow = Awaited<ReturnType<typeof rowsOf>>[number]

export async function findAuditEntries(
  db: Db,
  tenantId: string,
  f: AuditFilter & { page: number; pageSize: number },
) {
  const where = await conditionsOf(db, tenantId, f)
  const rows = await rowsOf(db, where)
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
  const [total] = await db.select({ n: count() }).from(auditLog).where(where)
  return { rows, total: total?.n ?? 0 }
}

/** Every row the filter matches, newest first, up to `limit` (the CSV export). */
export async function findAuditRowsForExport(db: Db, tenantId: string, f: AuditFilter, limit: number) {
  return rowsOf(db, await conditionsOf(db, tenantId, f)).limit(limit)
}

/** The people who appear in the log, for the staff filter: login, and name while the account exists. */
export async function findAuditActors(db: Db, tenantId: string) {
  return db
    .selectDistinct({ login: auditLog.actorLogin, name: accounts.name })
    .from(auditLog)
    .leftJoin(accounts, and(eq(accounts.tenantId, auditLog.tenantId), eq(accounts.id, auditLog.actorId)))
    .where(and(eq(auditLog.tenantId, tenantId), isNotNull(auditLog.actorLogin)))
    .orderBy(auditLog.actorLogin)
}
