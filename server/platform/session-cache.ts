/**
 * How long a session's row, with the account it is signed in as, serves that session's later
 * requests without being read again. Each signed-in request began with that read: a round trip
 * as costly as case detail's own SELECT, which made detail half as fast as the SELECT alone
 * could allow (issue 15: ≥ 50% of a bare route running it).
 *
 * What a reuse may miss is bounded: anything this process changes forgets every cached session at
 * once (a state-changing request, a session written or ended: `forgetAllSessions`), so it sees
 * a deactivation, a new role or a logout on its very next request; a change made elsewhere (a
 * second server on the same PostgreSQL, a command run beside the server) is seen within this time.
 */
export const SESSION_REUSE_MS = 1_000
/** Beyond this many sessions cached at once, the expired ones are dropped (and, if none, all). */
const MOST_SESSIONS = 10_000

interface Cached<T> {
  value: T
  until: number
}

/**
 * Sessions as last read, by session id (random, so one cache serves every store of the process).
 * A read is shared by the requests that ask while it is under way (a page loads several endpoints
 * at once), and kept for SESSION_REUSE_MS. A read that was under way while the cache was emptied
 * is handed to the requests that asked for it and not kept: it may predate the change that
 * emptied the cache.
 */
export class SessionCache<T> {
  private readonly kept = new Map<string, Cached<T>>()
  private readonly reading = new Map<string, Promise<T>>()
  private generation = 0

  // The global performance clock (tests replace it to let the reuse time pass).
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** `sid`'s value: kept, being read, or read now by `read`. */
  get(sid: string, read: () => Promise<T>): Promise<T> {
    const kept = this.kept.get(sid)
    if (kept && kept.until > this.now()) return Promise.resolve(kept.value)
    const under = this.reading.get(sid)
    if (under) return under
    const generation = this.generation
    const started = this.now()
    const reading = read().then(
      (value) => {
        if (this.generation === generation) {
          this.reading.delete(sid)
          this.keep(sid, value, started + SESSION_REUSE_MS)
        }
        return value
      },
      (error: unknown) => {
        if (this.generation === generation) this.reading.delete(sid)
        throw error
      },
    )
    this.reading.set(sid, reading)
    return reading
  }

  /** Forgets everything kept and every read under way (which will not be kept). */
  forget(): void {
    this.generation += 1
    this.kept.clear()
    this.reading.clear()
  }

  private keep(sid: string, value: T, until: number): void {
    if (this.kept.size >= MOST_SESSIONS) {
      const now = this.now()
      for (const [key, entry] of this.kept) if (entry.until <= now) this.kept.delete(key)
      if (this.kept.size >= MOST_SESSIONS) this.kept.clear()
    }
    this.kept.set(sid, { value, until })
  }
}

/** The process's sessions, as the session store read them (session-store.ts). */
export const sessionCache = new SessionCache<unknown>()

/**
 * Forgets every session this process has cached: called for each change it makes (a
 * state-changing request, before and after it; a session's row written or deleted).
 */
export function forgetAllSessions(): void {
  sessionCache.forget()
}
