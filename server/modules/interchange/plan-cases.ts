// The `cases` sheet: checks each case, merges it with what is stored (a column the file lacks
// keeps the stored value), and writes the added and changed cases a chunk at a time with a
// history entry ('imported') each and the case-number counters moved past imported numbers.
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { caseEvents, cases, counters } from '#server/db/schema/index.ts'
import { ageBandOf } from '#shared/age-band.ts'
import { type BulkRow, bulkInsert, fromExcluded, typed } from './bulk-write.ts'
import { CaseRefs } from './case-refs.ts'
import { type Counts, type Issues, type SheetRow, same, str } from './import-model.ts'
import type { CaseRow, Stored } from './load-stored.ts'
import { BEFORE_OPENING, duplicateReason, type ImportContext, importerName } from './write-support.ts'

/** The fields an import sets, in the order the history lists them. */
const FIELDS = [
  'openedOn',
  'intakeUnit',
  'ward',
  'age',
  'ageBand',
  'firstConsulter',
  'route',
  'concerns',
  'urgency',
  'handedOverOn',
  'handedOverTo',
  'closedOn',
  'closureReason',
  'name',
  'kana',
  'gender',
  'status',
  'wardState',
] as const satisfies readonly (keyof CaseRow)[]
type Fields = Pick<CaseRow, (typeof FIELDS)[number]>

/** Column key → field, for the columns that map one to one. */
const COLUMN_OF: [string, keyof Fields, unknown][] = [
  ['opened_on', 'openedOn', undefined],
  ['intake_unit', 'intakeUnit', undefined],
  ['ward', 'ward', null],
  ['age', 'age', null],
  ['first_consulter', 'firstConsulter', undefined],
  ['route', 'route', 'unknown'],
  ['concerns', 'concerns', []],
  ['urgency', 'urgency', 'normal'],
  ['handed_over_on', 'handedOverOn', null],
  ['handed_over_to', 'handedOverTo', null],
  ['closed_on', 'closedOn', null],
  ['closure_reason', 'closureReason', null],
  ['name', 'name', null],
  ['kana', 'kana', null],
  ['gender', 'gender', 'unknown'],
]

/** Checks of a case as a whole, on the merged values (undefined = a cell already reported). */
function checkCase(r: SheetRow, c: Fields, issues: Issues) {
  const e = (column: string, reason: string) => issues.error('cases', r.row, column, reason)
  const band = str(r, 'age_band')
  if (c.age != null && band && band !== 'unknown' && ageBandOf(c.age) !== band)
    e('age_band', '年齢区分が年齢と合いません')
  if (c.handedOverOn && c.handedOverTo === null) e('handed_over_to', '引継ぎ日があるときは引継ぎ先が必要です')
  if (c.handedOverOn === null && c.handedOverTo) e('handed_over_on', '引継ぎ先があるときは引継ぎ日が必要です')
  if (c.closedOn && c.closureReason === null) e('closure_reason', '終結日があるときは終結理由が必要です')
  if (c.closedOn === null && c.closureReason) e('closed_on', '終結理由があるときは終結日が必要です')
  if (c.openedOn) {
    if (c.handedOverOn && c.handedOverOn < c.openedOn) e('handed_over_on', BEFORE_OPENING)
    if (c.closedOn && c.closedOn < c.openedOn) e('closed_on', BEFORE_OPENING)
  }
}

function merge(r: SheetRow, existing: CaseRow | undefined): Fields {
  const out = {} as Record<string, unknown>
  for (const [column, field, fallback] of COLUMN_OF) {
    if (column in r.v) out[field] = r.v[column] === null ? (fallback ?? null) : r.v[column]
    else out[field] = existing ? existing[field] : (fallback ?? null)
  }
  const age = out.age as number | null
  if (age != null) out.ageBand = ageBandOf(age)
  else if ('age_band' in r.v) out.ageBand = r.v.age_band === null ? 'unknown' : r.v.age_band
  else out.ageBand = existing?.ageBand ?? 'unknown'
  out.status = out.closedOn ? 'closed' : out.handedOverOn ? 'handed_over' : 'open'
  // The ward's state is the app's (a handover starts it at 'assessing'; a meeting's 再協議 sets
  // 'ready', handed over or not): the file only starts it or, taking the handover back, clears it.
  if (out.handedOverOn) out.wardState = (existing?.handedOverOn ? existing.wardState : null) ?? 'assessing'
  else out.wardState = existing && !existing.handedOverOn ? existing.wardState : null
  return out as Fields
}

/**
 * Checks and writes the cases sheet a chunk of rows at a time (collect-sheets.ts streamRows),
 * through `out` while the ledger has no error so far (none: checks only, a dry run). Holds only
 * a reference per case (its id, opening date and row) for the sheets that follow.
 */
export async function importCases(
  chunks: AsyncIterable<SheetRow[]>,
  stored: Stored,
  issues: Issues,
  ctx: ImportContext,
  out: Db | undefined,
): Promise<{ counts: Counts; refs: CaseRefs }> {
  const refs = new CaseRefs()
  for (const [no, row] of stored.cases) refs.set(no, { id: row.id, openedOn: row.openedOn })
  const counts = { added: 0, updated: 0 }
  for await (const rows of chunks) {
    const upserts: Upsert[] = []
    // The stored case each upsert changes (undefined: added), for its history entry.
    const previous: (CaseRow | undefined)[] = []
    for (const r of rows) {
      const caseNo = str(r, 'case_id')
      if (!caseNo) continue
      const known = refs.get(caseNo)
      if (known?.row !== undefined) {
        issues.error('cases', r.row, 'case_id', duplicateReason('ケース番号', caseNo, known.row))
        continue
      }
      const existing = stored.cases.get(caseNo)
      const values = merge(r, existing)
      checkCase(r, values, issues)
      const id = existing?.id ?? randomUUID()
      refs.set(caseNo, { id, openedOn: values.openedOn ?? undefined, row: r.row })
      if (Object.values(r.v).includes(undefined) || !values.openedOn) continue // errors reported
      const changed = FIELDS.filter((f) => !same(existing?.[f], values[f]))
      if (existing && changed.length === 0) continue
      if (existing) counts.updated++
      else counts.added++
      upserts.push(Object.assign(values, { id, caseNo }))
      previous.push(existing)
    }
    if (out && issues.ok) await writeCases(out, upserts, previous, ctx)
  }
  if (out && issues.ok) await bumpCounters(out, refs, ctx)
  return { counts, refs }
}

type Upsert = Fields & { id: string; caseNo: string }

const text = (v: unknown) => (v == null ? null : Array.isArray(v) ? v.join(';') : String(v))

/** Each upsert's history entry: the fields it changes, from what to what (an added case: its values). */
function* history(
  upserts: Upsert[],
  previous: (CaseRow | undefined)[],
): Generator<BulkRow<typeof caseEvents>> {
  for (let i = 0; i < upserts.length; i++) {
    const values = upserts[i]!
    const existing = previous[i]
    const changes = FIELDS.filter((f) => !same(existing?.[f], values[f]))
      .map((f) => ({ field: f, from: text(existing?.[f]), to: text(values[f]) }))
      .filter((c) => existing || c.to !== null)
    yield { caseId: values.id, changes }
  }
}

async function writeCases(tx: Db, upserts: Upsert[], previous: (CaseRow | undefined)[], ctx: ImportContext) {
  if (upserts.length === 0) return
  await bulkInsert(tx, cases, upserts, {
    columns: ['id', 'caseNo', ...FIELDS],
    fixed: { tenantId: ctx.tenantId, createdAt: ctx.now, updatedAt: ctx.now },
    onConflict: {
      target: [cases.tenantId, cases.caseNo],
      set: {
        ...fromExcluded(cases, FIELDS),
        updatedAt: typed(cases, 'updatedAt', ctx.now),
        version: sql`${cases.version} + 1`,
      },
    },
  })
  await bulkInsert(tx, caseEvents, history(upserts, previous), {
    columns: ['caseId', 'changes'],
    fixed: {
      tenantId: ctx.tenantId,
      at: ctx.now,
      actorId: ctx.actor?.accountId ?? null,
      actorName: importerName(ctx),
      action: 'imported',
    },
  })
}

/** The case-number counters moved past the numbers the sheet imported (2024-00012 → 12 for FY2024). */
async function bumpCounters(tx: Db, refs: CaseRefs, ctx: ImportContext) {
  const fyMax = new Map<number, number>()
  for (const [no, ref] of refs) {
    if (ref.row === undefined) continue
    const m = /^(\d{4})-(\d{5})$/.exec(no)
    if (m) fyMax.set(Number(m[1]), Math.max(fyMax.get(Number(m[1])) ?? 0, Number(m[2])))
  }
  const bumps = [...fyMax].map(([fy, value]) => ({ tenantId: ctx.tenantId, name: `case_no:${fy}`, value }))
  if (bumps.length)
    await tx
      .insert(counters)
      .values(bumps)
      .onConflictDoUpdate({
        target: [counters.tenantId, counters.name],
        set: { value: sql`greatest(${counters.value}, excluded.value)` },
      })
}
