// Baseline figures (比較基準) entered by hand: headquarters and administrators only, audited.
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { baselines } from '#server/db/schema/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { forbidden, notFound } from '#server/platform/errors.ts'
import type { Baseline } from '#shared/contracts/interchange.ts'

const KEYS = ['under40', '40plus', 'unknown', 'total'] as const
type Values = Record<(typeof KEYS)[number], number | null>

/** Import, export and baselines are for the city's headquarters and administrators. */
export function requireLedgerRole(actor: Actor) {
  if (actor.role !== 'headquarters' && actor.role !== 'admin') throw forbidden()
}

function grouped(rows: (typeof baselines.$inferSelect)[]): Baseline[] {
  const out = new Map<string, Baseline>()
  for (const r of rows) {
    const b = out.get(r.label) ?? {
      label: r.label,
      from: r.fromOn,
      to: r.toOn,
      values: { under40: null, '40plus': null, unknown: null, total: null },
    }
    const key = r.metric.replace(/^cases\./u, '') as keyof Values
    if (key in b.values) b.values[key] = r.value
    out.set(r.label, b)
  }
  return [...out.values()]
}

export function createBaselinesService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  const read = (tx: Db, tenantId: string, label?: string) =>
    tx
      .select()
      .from(baselines)
      .where(
        and(eq(baselines.tenantId, tenantId), label === undefined ? undefined : eq(baselines.label, label)),
      )
      .orderBy(asc(baselines.fromOn), asc(baselines.label))
  return {
    async list(actor: Actor) {
      requireLedgerRole(actor)
      return grouped(await read(db, actor.tenantId))
    },
    async put(actor: Actor, label: string, input: { from: string; to: string; values: Values }) {
      requireLedgerRole(actor)
      return db.transaction(async (tx) => {
        await tx
          .delete(baselines)
          .where(and(eq(baselines.tenantId, actor.tenantId), eq(baselines.label, label)))
        await tx.insert(baselines).values(
          KEYS.map((k) => ({
            tenantId: actor.tenantId,
            label,
            fromOn: input.from,
            toOn: input.to,
            metric: `cases.${k}`,
            value: input.values[k],
          })),
        )
        await writeAudit(tx, actor, clock.now(), {
          action: 'baseline.update',
          recordType: 'baseline',
          recordId: label,
        })
        return grouped(await read(tx, actor.tenantId, label))[0]!
      })
    },
    async remove(actor: Actor, label: string) {
      requireLedgerRole(actor)
      await db.transaction(async (tx) => {
        const gone = await tx
          .delete(baselines)
          .where(and(eq(baselines.tenantId, actor.tenantId), eq(baselines.label, label)))
          .returning()
        if (gone.length === 0) throw notFound()
        await writeAudit(tx, actor, clock.now(), {
          action: 'baseline.delete',
          recordType: 'baseline',
          recordId: label,
        })
      })
      return null
    },
  }
}
