// The `meetings` sheet: meetings upserted by meeting number; attending agencies found by name in
// the directory (created when new) and ward sections by label within the meeting's ward.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { meetingAttendees, meetings, orgUnits } from '#server/db/schema/index.ts'
import { WARD_SECTIONS } from '#shared/codes.ts'
import { quote } from '#shared/interchange/quote.ts'
import { anyOf, BULK_ROWS, type BulkRow, bulkInsert, fromExcluded, typed } from './bulk-write.ts'
import {
  chunks,
  hasBadCell,
  type Issues,
  list,
  type ParsedLedger,
  rowsOf,
  same,
  str,
} from './import-model.ts'
import type { Stored, UnitRow } from './load-stored.ts'
import { duplicateReason, type ImportContext, type SheetPlan } from './write-support.ts'

/** A section written as its label (健康長寿推進課), code, or the unit's full name. */
export function sectionFinder(units: UnitRow[]) {
  return (ward: string, text: string): UnitRow | undefined => {
    const t = text.trim()
    const code = WARD_SECTIONS.find((s) => s.label === t || s.code === t.toLowerCase())?.code
    return units.find(
      (u) =>
        u.kind === 'ward_section' &&
        u.wardCode === ward &&
        (u.sectionCode === code || u.name === t || u.name.endsWith(` ${t}`)),
    )
  }
}

export function planMeetings(ledger: ParsedLedger, stored: Stored, issues: Issues, ctx: ImportContext) {
  const present = ledger.get('meetings')?.present ?? new Set<string>()
  const refs = new Map<string, string>()
  /** meeting id → its ward, for the reviews sheet's lead unit */
  const wardOf = new Map<string, string>()
  for (const [no, m] of stored.meetings) {
    refs.set(no, m.id)
    wardOf.set(m.id, m.ward)
  }
  const agencies = new Map<string, string>()
  for (const u of stored.units) if (u.kind === 'agency' && !agencies.has(u.name)) agencies.set(u.name, u.id)
  const newAgencies: (typeof orgUnits.$inferInsert)[] = []
  const findSection = sectionFinder(stored.units)
  const unitKind = new Map(stored.units.map((u) => [u.id, u.kind]))
  const firstRow = new Map<string, number>()
  const upserts: BulkRow<typeof meetings>[] = []
  const attendees = new Map<string, string[]>()
  const counts = { added: 0, updated: 0 }

  for (const r of rowsOf(ledger, 'meetings')) {
    const no = str(r, 'meeting_id')
    if (!no) continue
    if (firstRow.has(no)) {
      issues.error('meetings', r.row, 'meeting_id', duplicateReason('会議番号', no, firstRow.get(no)!))
      continue
    }
    firstRow.set(no, r.row)
    const existing = stored.meetings.get(no)
    const id = existing?.id ?? randomUUID()
    refs.set(no, id)
    const ward = str(r, 'ward')
    const unitIds: string[] = []
    for (const name of list(r, 'agencies') ?? []) {
      let unitId = agencies.get(name)
      if (!unitId) {
        unitId = randomUUID()
        agencies.set(name, unitId)
        unitKind.set(unitId, 'agency')
        newAgencies.push({ tenantId: ctx.tenantId, id: unitId, kind: 'agency', name })
      }
      unitIds.push(unitId)
    }
    for (const text of list(r, 'sections') ?? []) {
      if (!ward) break
      const unit = findSection(ward, text)
      if (unit) unitIds.push(unit.id)
      else issues.error('meetings', r.row, 'sections', `課・室${quote(text)}がこの区にありません`)
    }
    if (hasBadCell(r) || !ward) continue
    wardOf.set(id, ward)
    // A column the file lacks keeps the stored attendees of that kind.
    const kept = (existing?.unitIds ?? []).filter((u) => {
      const kind = unitKind.get(u)
      return kind === 'agency' ? !present.has('agencies') : !present.has('sections')
    })
    const wanted = [...new Set([...kept, ...unitIds])].sort()
    const heldOn = str(r, 'held_on')!
    const sameAttendees = same(wanted, [...(existing?.unitIds ?? [])].sort())
    if (existing && existing.ward === ward && existing.heldOn === heldOn && sameAttendees) continue
    if (existing) counts.updated++
    else counts.added++
    upserts.push({ id, meetingNo: no, ward, heldOn })
    if (!sameAttendees || !existing) attendees.set(id, wanted)
  }

  const plan: SheetPlan & {
    refs: Map<string, string>
    wardOf: Map<string, string>
    agencies: Map<string, string>
  } = {
    counts,
    refs,
    wardOf,
    agencies,
    async write(tx: Db) {
      for (const batch of chunks(newAgencies)) await tx.insert(orgUnits).values(batch)
      await bulkInsert(tx, meetings, upserts, {
        columns: ['id', 'meetingNo', 'ward', 'heldOn'],
        fixed: { tenantId: ctx.tenantId, createdAt: ctx.now, updatedAt: ctx.now },
        onConflict: {
          target: [meetings.tenantId, meetings.meetingNo],
          set: {
            ...fromExcluded(meetings, ['ward', 'heldOn']),
            updatedAt: typed(meetings, 'updatedAt', ctx.now),
          },
        },
      })
      const ids = [...attendees.keys()]
      for (const batch of chunks(ids, BULK_ROWS))
        await tx
          .delete(meetingAttendees)
          .where(and(eq(meetingAttendees.tenantId, ctx.tenantId), anyOf(meetingAttendees.meetingId, batch)))
      const rows = [...attendees].flatMap(([meetingId, units]) =>
        units.map((unitId) => ({ meetingId, unitId })),
      )
      await bulkInsert(tx, meetingAttendees, rows, {
        columns: ['meetingId', 'unitId'],
        fixed: { tenantId: ctx.tenantId },
      })
    },
  }
  return plan
}
