import { type SQL, sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { type Db, embeddedClient } from '#server/db/client.ts'
import { preparedPer } from '#server/db/prepared.ts'
import { auditLog } from '#server/db/schema/index.ts'
import type { Actor, Recorder } from './actor.ts'
import { AuditBatch, type AuditRow } from './audit-batch.ts'
import type { Clock } from './clock.ts'
import { RefusedRecord } from './errors.ts'

export interface AuditEntry {
  action: string
  recordType?: string
  recordId?: string
  /** Identifiers, counts and field names only: never personal data. */
  detail?: Record<string, unknown>
}

/**
 * Writes one audit row; call it with the transaction of the action it records. On the embedded
 * store's handle itself (no transaction) the row goes with the others waiting (audit-batch.ts);
 * either way it is stored when this returns.
 */
export async function writeAudit(
  db: Db,
  actor: Actor | Recorder,
  at: Date,
  entry: AuditEntry,
): Promise<void> {
  const row = auditRowOf(actor, at, entry)
  const batch = embeddedBatch(db)
  if (batch) await batch.write(row)
  else await insertAuditRow(db, row)
}

/** The audit log's row for `entry`, done by `actor` at `at`. */
function auditRowOf(actor: Actor | Recorder, at: Date, entry: AuditEntry): AuditRow {
  return {
    tenantId: actor.tenantId,
    at,
    actorId: actor.accountId,
    actorLogin: actor.loginId,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    clientAddress: actor.clientAddress,
    detail: entry.detail ?? null,
  }
}

const insertAuditRow = (db: Db, row: AuditRow) => auditInsert(db).execute(row)

/** The embedded store's batch, for its handle only: a transaction's Db has no client of its own. */
const embeddedBatch = preparedPer((db) =>
  embeddedClient(db) ? new AuditBatch(db, (row) => insertAuditRow(db, row)) : undefined,
)

/** Every signed-in read writes one (prepared once per handle: server/db/prepared.ts). */
const auditInsert = preparedPer((db) =>
  db
    .insert(auditLog)
    .values({
      tenantId: sql.placeholder('tenantId'),
      at: sql.placeholder('at'),
      actorId: sql.placeholder('actorId'),
      actorLogin: sql.placeholder('actorLogin'),
      action: sql.placeholder('action'),
      recordType: sql.placeholder('recordType'),
      recordId: sql.placeholder('recordId'),
      clientAddress: sql.placeholder('clientAddress'),
      detail: sql.placeholder('detail'),
    })
    .prepare('yorisoi_audit_insert'),
)

/**
 * Whether a read's audit row goes in the read's own statement (readAuditOf): on PostgreSQL,
 * where a second statement is a second round trip to the server, and the socket writes of a
 * signed-in read's round trips were 39% of the server's CPU under case-detail load. Not on the
 * embedded store: its batch (writeAudit) commits many reads' rows at once, where a read that
 * wrote would commit, and fsync, alone.
 */
export function auditsInReadStatement(db: Db): boolean {
  return !embeddedClient(db)
}

/**
 * A read's audit row as a data-modifying CTE, for the read's statement (`db.with(…)`), its values
 * the placeholders readAuditValues names: written only when `found` (a SELECT of the record in the
 * caller's scope) returns a row, so a refused read writes nothing here and its refusal is audited
 * as any other (auditRefusals). PostgreSQL runs a CTE's INSERT exactly once and to the end
 * whatever the main query reads, and in the read's own transaction: the answer never leaves
 * without its row. Placeholders, so that the read can be a prepared statement.
 */
export function readAuditOf(db: Db, found: SQL) {
  const value = (name: keyof ReturnType<typeof readAuditValues>) => sql.placeholder(name)
  const insert = sql`insert into ${auditLog}
      (tenant_id, at, actor_id, actor_login, action, record_type, record_id, client_address, detail)
    select ${value('auditTenantId')}, ${value('auditAt')}::timestamptz, ${value('auditActorId')}::uuid,
      ${value('auditActorLogin')}, ${value('auditAction')}, ${value('auditRecordType')}, ${value('auditRecordId')},
      ${value('auditClientAddress')}, ${value('auditDetail')}::jsonb
    where exists (${found})`
  return db.$with('read_audit', {}).as(insert)
}

/** The values of readAuditOf's placeholders. */
export function readAuditValues(actor: Actor | Recorder, at: Date, entry: AuditEntry) {
  const row = auditRowOf(actor, at, entry)
  return {
    auditTenantId: row.tenantId,
    auditAt: at.toISOString(),
    auditActorId: row.actorId,
    auditActorLogin: row.actorLogin,
    auditAction: row.action,
    auditRecordType: row.recordType,
    auditRecordId: row.recordId,
    auditClientAddress: row.clientAddress,
    auditDetail: row.detail == null ? null : JSON.stringify(row.detail),
  }
}

/** For events before anyone is signed in (failed logins, first set-up). */
export async function writeAnonymousAudit(
  db: Db,
  tenantId: string,
  at: Date,
  /** clientAddress null: not recorded (a resident writing anonymously on the public pages). */
  who: { loginId: string | null; accountId: string | null; clientAddress: string | null },
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

/**
 * The one place refusals are audited: a service that refuses a personal record outside the
 * caller's scope throws `refused(type, id)` (a 404 like any other); this hook then writes
 * `<type>.read_denied` (GET) or `<type>.change_denied` with the id asked for and the route, on
 * `db` itself — the request's transaction has rolled back by now and would take the row with it.
 */
export function auditRefusals(app: FastifyInstance, db: Db, clock: Clock) {
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof RefusedRecord) || !request.actor) return
    const reading = request.method === 'GET' || request.method === 'HEAD'
    try {
      await writeAudit(db, request.actor, clock.now(), {
        action: `${error.recordType}.${reading ? 'read_denied' : 'change_denied'}`,
        recordType: error.recordType,
        recordId: error.recordId,
        detail: { route: `${request.method} ${request.routeOptions.url}` },
      })
    } catch (e) {
      // The answer stays the 404; the record was not disclosed. Name and code only: no values.
      request.log.error(
        { err: { name: (e as Error).name, code: (e as { code?: unknown }).code } },
        'refusal not audited',
      )
    }
  })
}
