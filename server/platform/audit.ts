import { sql } from 'drizzle-orm'
import { PgTransaction } from 'drizzle-orm/pg-core'
import type { FastifyInstance } from 'fastify'
import type { Db } from '#server/db/client.ts'
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
 * Writes one audit row; call it with the transaction of the action it records. On a handle itself
 * (no transaction: the reads that audit alone) the row goes with the others of its city waiting
 * (audit-batch.ts); either way it is stored when this returns.
 */
export async function writeAudit(
  db: Db,
  actor: Actor | Recorder,
  at: Date,
  entry: AuditEntry,
): Promise<void> {
  const row = auditRowOf(actor, at, entry)
  const batch = batchOf(db, row.tenantId)
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

/**
 * A handle's batches, one per city (audit-batch.ts), for the handle itself only: a row written
 * in a transaction goes with the transaction's own work.
 */
const batchesOf = new WeakMap<Db, Map<string, AuditBatch>>()

function batchOf(db: Db, tenantId: string): AuditBatch | undefined {
  if (db instanceof PgTransaction) return undefined
  let batches = batchesOf.get(db)
  if (!batches) {
    batches = new Map()
    batchesOf.set(db, batches)
  }
  let batch = batches.get(tenantId)
  if (!batch) {
    batch = new AuditBatch(db, tenantId, (row) => insertAuditRow(db, row))
    batches.set(tenantId, batch)
  }
  return batch
}

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
