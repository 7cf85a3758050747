import type { SessionStore } from '@fastify/session'
import { and, eq, lt, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { preparedPer } from '#server/db/prepared.ts'
import { sessions } from '#server/db/schema/index.ts'
import { anyTenant } from '#server/db/tenant-scope.ts'
import type { Clock } from './clock.ts'
import { forgetAllSessions, sessionCache } from './session-cache.ts'
import { LAST_SEEN_EVERY_MS, RequestOnly } from './session-state.ts'

/**
 * Requests sent together all load the same stored lastSeen and all mark it (markSeen); the
 * upsert then writes only the first of them: a later one whose data differs from the stored row
 * by lastSeen alone, less than a minute newer, changes nothing. (ON CONFLICT locks the row and
 * reads its newest version, so this holds however many arrive at once.) The cookie's own
 * fields are left out: @fastify/session stamps them from the wall clock on every request.
 */
const changedOrStale =
  sql.raw(`"sessions"."data" - 'lastSeen' - 'cookie' IS DISTINCT FROM excluded.data - 'lastSeen' - 'cookie'
  OR coalesce(("sessions"."data"->>'lastSeen')::bigint, 0) <= coalesce((excluded.data->>'lastSeen')::bigint, 0) - ${LAST_SEEN_EVERY_MS}`)

/** Every request's first query: its session's row. */
const sessionById = preparedPer((db) =>
  db
    .select()
    .from(sessions)
    .where(eq(sessions.sid, sql.placeholder('sid')))
    .prepare('yorisoi_session_by_sid'),
)

type StoredSession = Parameters<SessionStore['set']>[1] & {
  accountId?: string
  tenantId?: string
}

/**
 * How the store reads a session by id: its row's data and expiry, and `loadedWith` — whatever the
 * same statement loaded for the request (auth's lookup: the account the session is signed in
 * as), handed to the request as `session.loadedWith` and never stored.
 */
export type SessionLookup = (
  db: Db,
  sid: string,
) => Promise<{ data: unknown; expiresAt: Date; loadedWith?: unknown } | undefined>

const sessionRowById: SessionLookup = async (db, sid) => (await sessionById(db).execute({ sid }))[0]

/** A read row's data as JSON text, made at its first copy (the row is kept and shared, session-cache.ts). */
const textOfData = new WeakMap<object, string>()

/**
 * A copy of stored session data for one request. The data is JSON (jsonb, written through
 * JSON.stringify), so parsing its text gives the same copy as structuredClone did, at a fraction
 * of its cost (structuredClone was ~1.4% of the server's time on case detail).
 */
function copyOfData(data: object): StoredSession {
  let text = textOfData.get(data)
  if (text === undefined) {
    text = JSON.stringify(data)
    textOfData.set(data, text)
  }
  return JSON.parse(text) as StoredSession
}

/**
 * The sessions table holds no city's rows under row-level security (it is read by id before the
 * city is known), so its queries run in `anyTenant` and leave a connection's city as it is.
 *
 * @fastify/session's store, kept in the database so that sessions survive restarts, can be
 * ended server-side (logout, account deactivated, password reset) and expire when idle.
 */
export class DbSessionStore implements SessionStore {
  private writes = 0
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly idleMs: number,
    private readonly lookup: SessionLookup = sessionRowById,
  ) {}

  set(sid: string, session: StoredSession, callback: (err?: unknown) => void): void {
    const expiresAt = new Date(this.clock.now().getTime() + this.idleMs)
    const row = {
      sid,
      tenantId: session.tenantId ?? null,
      accountId: session.accountId ?? null,
      data: JSON.parse(JSON.stringify(session)) as Record<string, unknown>,
      expiresAt,
    }
    forgetAllSessions()
    anyTenant(() =>
      this.db
        .insert(sessions)
        .values(row)
        .onConflictDoUpdate({ target: sessions.sid, set: row, setWhere: changedOrStale })
        .then(() => this.sweep())
        .finally(forgetAllSessions)
        .then(() => callback(), callback),
    )
  }

  /**
   * A session as read for this request: kept for a second (session-cache.ts) and shared, so each
   * request gets its own copy of the stored data, which it changes (lastSeen, loadedWith).
   */
  get(sid: string, callback: (err: unknown, result?: StoredSession | null) => void): void {
    const read = () => anyTenant(() => this.lookup(this.db, sid))
    ;(sessionCache.get(sid, read) as ReturnType<SessionLookup>).then((row) => {
      if (!row || row.expiresAt.getTime() <= this.clock.now().getTime()) return callback(null, null)
      const session = copyOfData(row.data as object)
      if (row.loadedWith !== undefined) session.loadedWith = new RequestOnly(row.loadedWith)
      callback(null, session)
    }, callback)
  }

  destroy(sid: string, callback: (err?: unknown) => void): void {
    forgetAllSessions()
    anyTenant(() =>
      this.db
        .delete(sessions)
        .where(eq(sessions.sid, sid))
        .finally(forgetAllSessions)
        .then(() => callback(), callback),
    )
  }

  /** Every hundredth write removes expired sessions, so the table does not grow forever. */
  private async sweep(): Promise<void> {
    this.writes += 1
    if (this.writes % 100 !== 0) return
    await this.db.delete(sessions).where(lt(sessions.expiresAt, this.clock.now()))
  }
}

/** Ends every session of an account (deactivation, password reset). */
export async function endSessionsOf(db: Db, tenantId: string, accountId: string): Promise<void> {
  forgetAllSessions()
  await db.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.accountId, accountId)))
}
