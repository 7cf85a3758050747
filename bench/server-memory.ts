// The PostgreSQL server's memory, when it runs on this machine (read from /proc): the Node
// process's peak RSS leaves out the server, which holds the import's and the report's work
// memory, sorts and buffers. Linux only; elsewhere, or for a server on another host, undefined.
import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'

export interface ServerMemory {
  /** The largest peak RSS (VmHWM) of this database's backends, KiB: the import's connection, usually. */
  backendPeakKiB: number
  /** Proportional set size (shared pages divided among their users) of every server process, KiB. */
  serverPssKiB: number
  processes: number
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

export async function serverMemory(db: Db): Promise<ServerMemory | undefined> {
  try {
    const result = (await db.execute(
      sql`select pid, datname = current_database() as ours from pg_stat_activity`,
    )) as unknown as { rows: { pid: number; ours: boolean | null }[] }
    const pids = result.rows.map((r) => Number(r.pid))
    if (!pids.length) return undefined
    // The postmaster: the parent of the server's processes.
    const all = new Set([...pids, statusField(pids[0]!, 'PPid')])
    let backendPeakKiB = 0
    for (const r of result.rows)
      if (r.ours) backendPeakKiB = Math.max(backendPeakKiB, statusField(Number(r.pid), 'VmHWM'))
    let serverPssKiB = 0
    for (const pid of all) serverPssKiB += pssOf(pid)
    return { backendPeakKiB, serverPssKiB, processes: all.size }
  } catch {
    return undefined
  }
}
