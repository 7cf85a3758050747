import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'

/**
 * Why a city's chain does not hold, at its first broken place:
 * - `changed`: the row (or its link) differs from what was hashed when it was chained;
 * - `removed`: the link names an audit row that is no longer there;
 * - `link_missing`: a link's number skips (a link was removed);
 * - `link_forged`: a link does not continue the one before it (inserted or replaced);
 * - `unchained`: an audit row has no link (inserted past the trigger);
 * - `backdated`: a row's time lies further before the database's own time of chaining than
 *   any transaction lasts (an insert claiming an earlier time);
 * - `rewritten`: a link no longer has the hash recorded for it elsewhere earlier (an anchor), or
 *   the chain no longer reaches that link: whoever owns the tables could recompute the whole
 *   chain after a change, but not the anchors kept outside the database.
 */
export type ChainFault =
  | 'changed'
  | 'removed'
  | 'link_missing'
  | 'link_forged'
  | 'unchained'
  | 'backdated'
  | 'rewritten'

export interface ChainFinding {
  fault: ChainFault
  /** The link's number in the city's chain (null for an unchained row). */
  seq: number | null
  /** The audit row's id (null when the link itself is missing). */
  auditId: number | null
}

export interface ChainReport {
  tenantId: string
  /** Links checked. */
  links: number
  head: { seq: number; hash: string } | null
  /** The first fault found; null when the chain holds. Ids only, never a row's content. */
  finding: ChainFinding | null
}

export interface VerifyOptions {
  /** One city; every city with audit rows or links when omitted. */
  tenantId?: string
  /** How long before its chaining a row's time may lie (a long import); default 60 minutes. */
  maxDelayMinutes?: number
  /** Heads printed by earlier runs and kept elsewhere: each link must still have its hash. */
  anchors?: Anchor[]
}

export interface Anchor {
  tenantId: string
  seq: number
  hash: string
}

const GENESIS = '0'.repeat(64)
const PAGE = 2000

/** The link hash as the migration audit_chain_trigger documents it, recomputed here independently of the database's functions. */
export function linkHash(fields: (string | null)[]): string {
  const text = fields.map((v) => (v === null ? '~' : `${Buffer.byteLength(v, 'utf8')}:${v}`)).join('|')
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

interface LinkRow {
  seq: string
  audit_id: string
  chained_at: string
  delay_s: string | null
  prev_hash: string
  hash: string
  present: boolean
  tenant_id: string | null
  id: string | null
  at: string | null
  actor_id: string | null
  actor_login: string | null
  action: string | null
  record_type: string | null
  record_id: string | null
  client_address: string | null
  detail: string | null
}

const rowsOf = async <T>(db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows

const utc = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/** Walks each city's chain from its first link and reports the first fault, reading in pages. */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<ChainReport[]> {
  const tenants = options.tenantId
    ? [options.tenantId]
    : (
        await rowsOf<{ tenant_id: string }>(
          db,
          sql`SELECT tenant_id FROM audit_log UNION SELECT tenant_id FROM audit_chain ORDER BY 1`,
        )
      ).map((r) => r.tenant_id)
  const reports: ChainReport[] = []
  for (const tenantId of tenants) reports.push(await verifyTenant(db, tenantId, options))
  return reports
}

async function verifyTenant(db: Db, tenantId: string, options: VerifyOptions): Promise<ChainReport> {
  const maxDelay = (options.maxDelayMinutes ?? 60) * 60
  const anchors = new Map(
    (options.anchors ?? []).filter((a) => a.tenantId === tenantId).map((a) => [a.seq, a.hash]),
  )
  let previous = GENESIS
  let expected = 1
  let backdated: ChainFinding | null = null
  const report: ChainReport = { tenantId, links: 0, head: null, finding: null }
  for (;;) {
    const page = await rowsOf<LinkRow>(
      db,
      sql`SELECT c.seq::text, c.audit_id::text, ${utc(sql`c.chained_at`)} AS chained_at,
            extract(epoch FROM c.chained_at - l.at)::text AS delay_s, c.prev_hash, c.hash,
            l.id IS NOT NULL AS present, l.tenant_id, l.id::text, ${utc(sql`l.at`)} AS at,
            l.actor_id::text, l.actor_login, l.action, l.record_type, l.record_id,
            l.client_address, l.detail::text AS detail
          FROM audit_chain c
          LEFT JOIN audit_log l ON l.tenant_id = c.tenant_id AND l.id = c.audit_id
          WHERE c.tenant_id = ${tenantId} AND c.seq >= ${expected}
          ORDER BY c.seq LIMIT ${PAGE}`,
    )
    for (const link of page) {
      const seq = Number(link.seq)
      const auditId = Number(link.audit_id)
      const anchored = anchors.get(seq)
      const fault =
        linkFault(link, seq, expected, previous) ??
        (anchored !== undefined && anchored !== link.hash ? 'rewritten' : null)
      if (fault) {
        report.finding = { fault, seq: fault === 'link_missing' ? expected : seq, auditId }
        if (fault === 'link_missing') report.finding.auditId = null
        return report
      }
      if (!backdated && Number(link.delay_s) > maxDelay) backdated = { fault: 'backdated', seq, auditId }
      previous = link.hash
      expected = seq + 1
      report.links += 1
      report.head = { seq, hash: link.hash }
    }
    if (page.length < PAGE) break
  }
  const beyond = [...anchors.keys()].filter((seq) => seq >= expected).sort((a, b) => a - b)[0]
  if (beyond !== undefined) {
    report.finding = { fault: 'rewritten', seq: beyond, auditId: null }
    return report
  }
  const [unchained] = await rowsOf<{ id: string }>(
    db,
    sql`SELECT l.id::text FROM audit_log l
        WHERE l.tenant_id = ${tenantId}
          AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.tenant_id = l.tenant_id AND c.audit_id = l.id)
        ORDER BY l.id LIMIT 1`,
  )
  if (unchained) report.finding = { fault: 'unchained', seq: null, auditId: Number(unchained.id) }
  else report.finding = backdated
  return report
}

function linkFault(link: LinkRow, seq: number, expected: number, previous: string): ChainFault | null {
  if (seq !== expected) return 'link_missing'
  if (link.prev_hash !== previous) return 'link_forged'
  if (!link.present) return 'removed'
  const hash = linkHash([
    link.prev_hash,
    link.seq,
    link.chained_at,
    link.tenant_id,
    link.id,
    link.at,
    link.actor_id,
    link.actor_login,
    link.action,
    link.record_type,
    link.record_id,
    link.client_address,
    link.detail,
  ])
  return hash === link.hash ? null : 'changed'
}
