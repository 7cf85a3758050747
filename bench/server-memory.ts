// The PostgreSQL server's memory, when it runs on this machine (read from /proc): the Node
// process's peak RSS leaves out the server, which holds the import's and the report's work
// memory, sorts and buffers. Linux only; elsewhere, or for a server on another host, undefined.
//
// Two figures, for two questions. What the import costs the server is its connections' own
// memory (sorts, hashes, caches: the private mappings of their backends), sampled while it
// runs. The whole server's PSS also holds its shared buffers, a cache of a size the server's
// configuration fixes (shared_buffers, 128 MB by default) and any client fills: after a 20x import
// the same server, idle, measured 413 MB at 1x, so that figure tells the server's history, not
// the import's.
import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { fmt, mb, verdict } from './figures.ts'

export interface ServerMemory {
  /** The largest peak RSS (VmHWM) of this database's backends, KiB: the import's connection, usually. */
  backendPeakKiB: number
  /** Proportional set size (shared pages divided among their users) of every server process, KiB. */
  serverPssKiB: number
  processes: number
  /** The server's shared_buffers, as it reports it (e.g. '128MB'). */
  sharedBuffers: string
}

function statusField(pid: number, field: string): number {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8')
  const m = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)
  return m ? Number(m[1]) : 0
}

function pssOf(pid: number): number {
  const m = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))
  return m ? Number(m[1]) : 0
}

/**
 * A process's PSS over its private mappings only, KiB: what it holds for itself, without the
 * shared memory segments (mappings flagged 's': PostgreSQL's shared buffers and its dynamic
 * shared memory). Undefined when it cannot be read: ended, or on another host.
 */
export function privatePssOf(pid: number): number | undefined {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'utf8')
  } catch {
    return undefined
  }
  let total = 0
  let shared = false
  for (const line of text.split('\n')) {
    // A mapping's header: "start-end perms offset dev inode path"; perms end in p or s.
    const header = /^[0-9a-f]+-[0-9a-f]+ \S{3}([ps]) /.exec(line)
    if (header) shared = header[1] === 's'
    else if (!shared && line.startsWith('Pss:')) total += Number(line.slice(4).trim().split(' ')[0])
  }
  return total
}

async function backendsOf(db: Db) {
  const result = (await db.execute(
    sql`select pid, datname = current_database() as ours from pg_stat_activity`,
  )) as unknown as { rows: { pid: number; ours: boolean | null }[] }
  return result.rows.map((r) => ({ pid: Number(r.pid), ours: r.ours === true }))
}

export async function serverMemory(db: Db): Promise<ServerMemory | undefined> {
  try {
    const rows = await backendsOf(db)
    if (!rows.length) return undefined
    // The postmaster: the parent of the server's processes.
    const all = new Set([...rows.map((r) => r.pid), statusField(rows[0]!.pid, 'PPid')])
    let backendPeakKiB = 0
    for (const r of rows) if (r.ours) backendPeakKiB = Math.max(backendPeakKiB, statusField(r.pid, 'VmHWM'))
    let serverPssKiB = 0
    for (const pid of all) serverPssKiB += pssOf(pid)
    const settings = (await db.execute(sql`show shared_buffers`)) as unknown as {
      rows: { shared_buffers: string }[]
    }
    return {
      backendPeakKiB,
      serverPssKiB,
      processes: all.size,
      sharedBuffers: settings.rows[0]!.shared_buffers,
    }
  } catch {
    return undefined
  }
}

/**
 * Samples, until `stop`, the private memory of this database's backends (the connections of
 * the process that samples: the import's among them) and answers the peak of their sum, KiB;
 * undefined where /proc is not readable. The list of backends is read again every second, as
 * the pool opens connections.
 */
export function sampleBackends(db: Db, everyMs = 100) {
  let pids: number[] = []
  let peakKiB = 0
  let readable = true
  /** Whether any backend's memory was read: not when the server runs on another host. */
  let seen = false
  let listedAt = 0
  let busy = false
  const tick = async () => {
    if (busy || !readable) return
    busy = true
    try {
      if (Date.now() - listedAt > 1000) {
        pids = (await backendsOf(db)).filter((r) => r.ours).map((r) => r.pid)
        listedAt = Date.now()
      }
      let sum = 0
      for (const pid of pids) {
        const kiB = privatePssOf(pid)
        if (kiB === undefined) continue
        seen = true
        sum += kiB
      }
      peakKiB = Math.max(peakKiB, sum)
    } catch {
      readable = false
    } finally {
      busy = false
    }
  }
  void tick()
  const timer = setInterval(tick, everyMs)
  return {
    async stop(): Promise<number | undefined> {
      clearInterval(timer)
      while (busy) await new Promise((resolve) => setTimeout(resolve, 5))
      await tick()
      return readable && seen ? peakKiB : undefined
    },
  }
}

/**
 * The PostgreSQL server's memory line of an import's figures: Node's peak RSS plus its
 * connections' peak private memory, against `targetMB`; the whole server's PSS beside it.
 */
export function serverMemoryLine(
  nodePeakKiB: number,
  r: { ok: boolean; server?: ServerMemory; backendsPeakKiB?: number },
  targetMB: number,
): string {
  if (!r.server) return '  PostgreSQL server memory: not readable (not on this machine, or no /proc)'
  const whole =
    `the whole server (${r.server.processes} processes) ${fmt(mb(r.server.serverPssKiB))} MB PSS after the report,` +
    ` its shared buffers (shared_buffers ${r.server.sharedBuffers}, filled by any client) included`
  if (r.backendsPeakKiB === undefined) return `  PostgreSQL server: ${whole}`
  const total = mb(nodePeakKiB) + mb(r.backendsPeakKiB)
  return (
    `  PostgreSQL server: the import's connections peaked at ${fmt(mb(r.backendsPeakKiB))} MB private memory` +
    ` (largest backend peak RSS ${fmt(mb(r.server.backendPeakKiB))} MB, shared buffers included);` +
    ` Node peak + connections ${fmt(total)} MB → ${verdict(r.ok && total < targetMB)} (< ${targetMB} MB); ${whole}`
  )
}
