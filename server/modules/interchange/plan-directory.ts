// The `resources` sheet (upserted by resource number) and the `baselines` sheet (by label and
// metric; one period per label).
import { randomUUID } from 'node:crypto'
import type { Db } from '#server/db/client.ts'
import { baselines, resources } from '#server/db/schema/index.ts'
import { quote } from '#shared/interchange/quote.ts'
import { type BulkRow, bulkInsert, fromExcluded, typed } from './bulk-write.ts'
import { chunks, hasBadCell, type Issues, type ParsedLedger, rowsOf, same, str } from './import-model.ts'
import type { ResourceRow, Stored } from './load-stored.ts'
import { duplicateReason, excludedSet, type ImportContext, type SheetPlan } from './write-support.ts'

const RESOURCE_FIELDS = ['name', 'categories', 'serves', 'ward', 'subsidyFiscalYears', 'contact'] as const
const RESOURCE_COLUMNS: [string, (typeof RESOURCE_FIELDS)[number], unknown][] = [
  ['name', 'name', null],
  ['categories', 'categories', []],
  ['serves', 'serves', []],
  ['ward', 'ward', null],
  ['subsidy_fy', 'subsidyFiscalYears', []],
  ['contact', 'contact', null],
]

export function planResources(
  ledger: ParsedLedger,
  stored: Stored,
  issues: Issues,
  ctx: ImportContext,
): SheetPlan {
  const firstRow = new Map<string, number>()
  const upserts: BulkRow<typeof resources>[] = []
  const counts = { added: 0, updated: 0 }
  for (const r of rowsOf(ledger, 'resources')) {
    const no = str(r, 'resource_id')
    if (!no) continue
    if (firstRow.has(no)) {
      issues.error('resources', r.row, 'resource_id', duplicateReason('資源番号', no, firstRow.get(no)!))
      continue
    }
    firstRow.set(no, r.row)
    if (hasBadCell(r)) continue
    const existing = stored.resources.get(no)
    const values = {} as Pick<ResourceRow, (typeof RESOURCE_FIELDS)[number]>
    for (const [column, field, fallback] of RESOURCE_COLUMNS)
      (values as Record<string, unknown>)[field] =
        column in r.v ? (r.v[column] ?? fallback) : existing ? existing[field] : fallback
    if (existing && RESOURCE_FIELDS.every((f) => same(existing[f], values[f]))) continue
    if (existing) counts.updated++
    else counts.added++
    upserts.push({ id: existing?.id ?? randomUUID(), resourceNo: no, ...values })
  }
  return {
    counts,
    async write(tx: Db) {
      await bulkInsert(tx, resources, upserts, {
        columns: ['id', 'resourceNo', ...RESOURCE_FIELDS],
        fixed: { tenantId: ctx.tenantId, createdAt: ctx.now, updatedAt: ctx.now },
        onConflict: {
          target: [resources.tenantId, resources.resourceNo],
          set: {
            ...fromExcluded(resources, RESOURCE_FIELDS),
            updatedAt: typed(resources, 'updatedAt', ctx.now),
          },
        },
      })
    },
  }
}

export function planBaselines(
  ledger: ParsedLedger,
  stored: Stored,
  issues: Issues,
  ctx: ImportContext,
): SheetPlan {
  const hasValue = ledger.get('baselines')?.present.has('value') ?? false
  const periods = new Map<string, { row: number; from: string; to: string }>()
  const firstRow = new Map<string, number>()
  const upserts: (typeof baselines.$inferInsert)[] = []
  const counts = { added: 0, updated: 0 }
  for (const r of rowsOf(ledger, 'baselines')) {
    const e = (column: string, reason: string) => issues.error('baselines', r.row, column, reason)
    const [label, from, to, metric] = [str(r, 'label'), str(r, 'from'), str(r, 'to'), str(r, 'metric')]
    if (from && to && from > to) e('to', '終了日が開始日より前です')
    if (label && from && to) {
      const period = periods.get(label)
      if (!period) periods.set(label, { row: r.row, from, to })
      else if (period.from !== from || period.to !== to)
        e('from', `${quote(label)}の期間が${period.row}行目と異なります`)
    }
    if (!label || !metric) continue
    const key = `${label}|${metric}`
    if (firstRow.has(key)) {
      e('metric', duplicateReason(`${quote(label)}の項目`, metric, firstRow.get(key)!))
      continue
    }
    firstRow.set(key, r.row)
    if (hasBadCell(r) || !from || !to) continue
    const existing = stored.baselines.find((b) => b.label === label && b.metric === metric)
    const value = hasValue ? ((r.v.value as number | null) ?? null) : (existing?.value ?? null)
    if (existing && existing.fromOn === from && existing.toOn === to && existing.value === value) continue
    if (existing) counts.updated++
    else counts.added++
    upserts.push({ tenantId: ctx.tenantId, label, metric, fromOn: from, toOn: to, value })
  }
  return {
    counts,
    async write(tx: Db) {
      for (const batch of chunks(upserts))
        await tx
          .insert(baselines)
          .values(batch)
          .onConflictDoUpdate({
            target: [baselines.tenantId, baselines.label, baselines.metric],
            set: excludedSet(baselines, ['fromOn', 'toOn', 'value']),
          })
    },
  }
}
