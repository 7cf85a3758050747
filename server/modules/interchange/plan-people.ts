// The `people` sheet (相談者・世帯員). A re-import replaces the people of every case the sheet
// names: people the file lists are added or updated by their number, the case's other people are
// removed. A person keeps their id across re-imports (by case and number), so contacts and
// searches that refer to them stay valid; an unchanged person is not written at all. A column the
// file lacks keeps the stored values, so that an export without personal data imports back
// without wiping names and phone numbers.
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { casePeople, casePersonPhones, contacts } from '#server/db/schema/index.ts'
import type { Counterpart, Relationship } from '#shared/codes.ts'
import { counterpartOf } from '#shared/counterpart.ts'
import type { LedgerPhone } from '#shared/interchange/people-values.ts'
import { quote } from '#shared/interchange/quote.ts'
import { wardOfAddress } from '#shared/ward-of-address.ts'
import { anyOf, BULK_ROWS, type BulkRow, bulkInsert, fromExcluded, typed } from './bulk-write.ts'
import type { CaseRefs } from './case-refs.ts'
import { chunks, hasBadCell, type Issues, num, type ParsedLedger, rowsOf, same, str } from './import-model.ts'
import type { PersonRow, PhoneRow, Stored } from './load-stored.ts'
import { duplicateReason, type ImportContext, type SheetPlan } from './write-support.ts'

/** The fields an import sets, each from its column (the ward from the address). */
const FIELDS = [
  'relationship',
  'consulter',
  'name',
  'kana',
  'age',
  'livesWith',
  'mail',
  'address',
  'bestTime',
  'mayNameCity',
  'mayLeaveMessage',
  'keepFromPerson',
  'care',
  'ward',
] as const satisfies readonly (keyof PersonRow)[]
type Fields = Pick<PersonRow, (typeof FIELDS)[number]>

/** Column key → field, and the value of a blank cell or of a new person without the column. */
const COLUMN_OF: [string, Exclude<keyof Fields, 'ward'>, unknown][] = [
  ['relationship', 'relationship', undefined],
  ['consulter', 'consulter', true],
  ['name', 'name', null],
  ['kana', 'kana', null],
  ['age', 'age', null],
  ['lives_with', 'livesWith', null],
  ['mail', 'mail', null],
  ['address', 'address', null],
  ['best_time', 'bestTime', null],
  ['may_name_city', 'mayNameCity', null],
  ['may_leave_message', 'mayLeaveMessage', null],
  ['keep_from_person', 'keepFromPerson', null],
  ['care', 'care', []],
]

/** Whom a contact can name: a person of its case, by number. */
export interface PersonRef {
  id: string
  /** undefined when the file's cell could not be read (already an error). */
  relationship: Relationship | undefined
}

export interface PeoplePlan extends SheetPlan {
  /** The people of a case by number: as the file has them, or as stored when the sheet does not name the case. */
  peopleOf(caseId: string): ReadonlyMap<number, PersonRef>
}

type Upsert = Fields & { id: string; caseId: string; personNo: number }

const NO_PEOPLE: ReadonlyMap<number, PersonRef> = new Map()

function merge(v: Record<string, unknown>, existing: PersonRow | undefined): Fields {
  const out: Record<string, unknown> = {}
  for (const [column, field, fallback] of COLUMN_OF) {
    if (column in v) out[field] = v[column] === null ? (fallback ?? null) : v[column]
    else out[field] = existing ? existing[field] : (fallback ?? null)
  }
  // The ward follows the address, as when staff type it (people API).
  out.ward = 'address' in v ? wardOfAddress(out.address as string | null) : (existing?.ward ?? null)
  return out as Fields
}

const samePhones = (a: readonly PhoneRow[], b: readonly LedgerPhone[]) =>
  a.length === b.length &&
  a.every((p, i) => p.label === b[i]!.label && p.number === b[i]!.number && p.digits === b[i]!.digits)

export function planPeople(
  ledger: ParsedLedger,
  stored: Stored,
  caseRefs: CaseRefs,
  issues: Issues,
  ctx: ImportContext,
): PeoplePlan {
  const named = new Map<string, Map<number, PersonRef>>()
  const firstRow = new Map<string, number>()
  const upserts: Upsert[] = []
  /** Phones to write, for people whose phones the file changes (their stored ones are deleted). */
  const phones: BulkRow<typeof casePersonPhones>[] = []
  const phonesReplaced: string[] = []
  const relationshipChanged = new Map<Counterpart, string[]>()
  const counts = { added: 0, updated: 0 }

  for (const r of rowsOf(ledger, 'people')) {
    const caseNo = str(r, 'case_id')
    const no = num(r, 'person_no')
    if (!caseNo) continue
    const ref = caseRefs.get(caseNo)
    if (!ref) {
      issues.error('people', r.row, 'case_id', `ケース番号${quote(caseNo)}のケースがありません`)
      continue
    }
    const people = named.get(ref.id) ?? new Map<number, PersonRef>()
    named.set(ref.id, people)
    if (no == null) continue
    const key = `${caseNo}|${no}`
    if (firstRow.has(key)) {
      issues.error('people', r.row, 'person_no', duplicateReason('番号', String(no), firstRow.get(key)!))
      continue
    }
    firstRow.set(key, r.row)
    const existing = stored.peopleByCase.get(ref.id)?.find((p) => p.personNo === no)
    const id = existing?.id ?? randomUUID()
    people.set(no, { id, relationship: str(r, 'relationship') as Relationship | undefined })
    if (hasBadCell(r)) continue
    const values = merge(r.v, existing)
    const oldPhones = existing ? (stored.phonesByPerson.get(existing.id) ?? []) : []
    // A blank cell (null) is no phones; a file without the column keeps the stored ones.
    const newPhones = 'phones' in r.v ? ((r.v.phones as LedgerPhone[] | null) ?? []) : undefined
    const phonesChange = newPhones !== undefined && !samePhones(oldPhones, newPhones)
    const fieldsChange = FIELDS.some((f) => !same(existing?.[f], values[f]))
    if (existing && !fieldsChange && !phonesChange) continue
    if (existing) counts.updated++
    else counts.added++
    upserts.push(Object.assign(values, { id, caseId: ref.id, personNo: no }))
    if (phonesChange) {
      if (existing) phonesReplaced.push(id)
      for (const [position, p] of newPhones.entries())
        phones.push({
          personId: id,
          caseId: ref.id,
          position,
          label: p.label,
          number: p.number,
          digits: p.digits,
        })
    }
    if (existing && existing.relationship !== values.relationship) {
      const counterpart = counterpartOf(values.relationship as Relationship)
      relationshipChanged.set(counterpart, [...(relationshipChanged.get(counterpart) ?? []), id])
    }
  }

  // People stored for a case the sheet names but no longer listed there: removed.
  const removed: string[] = []
  for (const [caseId, people] of named) {
    const ids = new Set([...people.values()].map((p) => p.id))
    for (const p of stored.peopleByCase.get(caseId) ?? []) if (!ids.has(p.id)) removed.push(p.id)
  }
  counts.updated += removed.length

  const storedRefs = new Map<string, Map<number, PersonRef>>()
  return {
    counts,
    peopleOf(caseId) {
      const fromFile = named.get(caseId)
      if (fromFile) return fromFile
      let refs = storedRefs.get(caseId)
      // Most cases have no stored people: one shared empty map for them, not one each (200,000
      // of them held for the whole contacts sheet at 20 times the bench city).
      if (!refs && !stored.peopleByCase.has(caseId)) return NO_PEOPLE
      if (!refs) {
        refs = new Map(
          (stored.peopleByCase.get(caseId) ?? []).map((p) => [
            p.personNo,
            { id: p.id, relationship: p.relationship as Relationship },
          ]),
        )
        storedRefs.set(caseId, refs)
      }
      return refs
    },
    async write(tx: Db) {
      const t = eq(casePeople.tenantId, ctx.tenantId)
      for (const batch of chunks(removed, BULK_ROWS)) {
        // A stored contact with a removed person keeps its counterpart; it no longer names them.
        // (Contacts of the cases the file names are replaced by the contacts sheet after this.)
        await tx
          .update(contacts)
          .set({ personId: null })
          .where(and(eq(contacts.tenantId, ctx.tenantId), anyOf(contacts.personId, batch)))
      }
      for (const batch of chunks([...phonesReplaced, ...removed], BULK_ROWS))
        await tx
          .delete(casePersonPhones)
          .where(and(eq(casePersonPhones.tenantId, ctx.tenantId), anyOf(casePersonPhones.personId, batch)))
      for (const batch of chunks(removed, BULK_ROWS))
        await tx.delete(casePeople).where(and(t, anyOf(casePeople.id, batch)))
      await bulkInsert(tx, casePeople, upserts, {
        columns: ['id', 'caseId', 'personNo', ...FIELDS],
        fixed: { tenantId: ctx.tenantId, createdAt: ctx.now, updatedAt: ctx.now },
        onConflict: {
          target: [casePeople.tenantId, casePeople.caseId, casePeople.personNo],
          set: {
            ...fromExcluded(casePeople, FIELDS),
            updatedAt: typed(casePeople, 'updatedAt', ctx.now),
            version: sql`${casePeople.version} + 1`,
          },
        },
      })
      await bulkInsert(tx, casePersonPhones, phones, {
        columns: ['personId', 'caseId', 'position', 'label', 'number', 'digits'],
        fixed: { tenantId: ctx.tenantId },
      })
      // 対象 is derived from the person's 続柄: stored contacts follow a changed one.
      for (const [counterpart, ids] of relationshipChanged)
        for (const batch of chunks(ids, BULK_ROWS))
          await tx
            .update(contacts)
            .set({ counterpart, updatedAt: ctx.now })
            .where(and(eq(contacts.tenantId, ctx.tenantId), anyOf(contacts.personId, batch)))
    },
  }
}
