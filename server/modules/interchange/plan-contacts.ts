// The `contacts` sheet. Contacts have no identifier: a re-import replaces the set of contacts
// of every case the file names. Contacts equal to stored ones are kept (with their id and next
// step); only the differences are deleted and inserted, so re-importing a file changes nothing.
// A contact may name the person it was with (person_no, a number of the `people` sheet): its
// 対象 then follows from their 続柄 and may be left blank.
import { and, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { contacts } from '#server/db/schema/index.ts'
import { COUNTERPARTS, type Counterpart, RELATIONSHIPS } from '#shared/codes.ts'
import { counterpartOf } from '#shared/counterpart.ts'
import { quote } from '#shared/interchange/quote.ts'
import { missingColumnReason, sheetDef } from '#shared/interchange/sheets.ts'
import { anyOf, BULK_ROWS, type BulkRow, bulkInsert } from './bulk-write.ts'
import {
  chunks,
  hasBadCell,
  type Issues,
  num,
  type ParsedLedger,
  rowsOf,
  type SheetRow,
  str,
} from './import-model.ts'
import type { ContactRow, Stored } from './load-stored.ts'
import type { CaseRef } from './plan-cases.ts'
import type { PeoplePlan, PersonRef } from './plan-people.ts'
import { BEFORE_OPENING, type ImportContext, type SheetPlan } from './write-support.ts'

type ContactValues = Pick<
  ContactRow,
  | 'caseId'
  | 'contactedOn'
  | 'time'
  | 'method'
  | 'counterpart'
  | 'staffId'
  | 'staffName'
  | 'minutes'
  | 'summary'
  | 'personId'
>
const VALUE_KEYS = [
  'caseId',
  'contactedOn',
  'time',
  'method',
  'counterpart',
  'staffId',
  'staffName',
  'minutes',
  'summary',
  'personId',
] as const satisfies readonly (keyof ContactValues)[]

/** Staff written as a login ID or a name: the account when one matches, else the text as written. */
export function staffMatcher(stored: Stored) {
  const byLogin = new Map(stored.accounts.map((a) => [a.loginId.toLowerCase(), a.id]))
  const byName = new Map<string, string>()
  for (const a of stored.accounts) if (!byName.has(a.name.trim())) byName.set(a.name.trim(), a.id)
  // A ledger names the same few people on thousands of rows: each text is looked up once.
  const seen = new Map<string, Pick<ContactRow, 'staffId' | 'staffName'>>()
  return (text: string | null): Pick<ContactRow, 'staffId' | 'staffName'> => {
    if (!text) return { staffId: null, staffName: null }
    let found = seen.get(text)
    if (!found) {
      const id = byLogin.get(text.toLowerCase()) ?? byName.get(text) ?? byName.get(text.replace(/\s+/gu, ' '))
      found = id ? { staffId: id, staffName: null } : { staffId: null, staffName: text }
      seen.set(text, found)
    }
    return found
  }
}

export function planContacts(
  ledger: ParsedLedger,
  stored: Stored,
  refs: Map<string, CaseRef>,
  people: Pick<PeoplePlan, 'peopleOf'>,
  issues: Issues,
  ctx: ImportContext,
): SheetPlan {
  const present = ledger.get('contacts')?.present ?? new Set<string>()
  const staffOf = staffMatcher(stored)
  const byCase = new Map<string, ContactValues[]>()
  // 対象 or 相手の番号: a sheet needs one of the two columns (neither is required alone).
  const neither = ledger.has('contacts') && !present.has('counterpart') && !present.has('person_no')
  if (neither)
    issues.error('contacts', 1, 'counterpart', missingColumnReason(sheetDef('contacts').columns[4]!))
  for (const r of rowsOf(ledger, 'contacts')) {
    const caseNo = str(r, 'case_id')
    if (!caseNo) continue
    const ref = refs.get(caseNo)
    if (!ref) {
      issues.error('contacts', r.row, 'case_id', `ケース番号${quote(caseNo)}のケースがありません`)
      continue
    }
    const on = str(r, 'contacted_on')
    if (on && ref.openedOn && on < ref.openedOn)
      issues.error('contacts', r.row, 'contacted_on', BEFORE_OPENING)
    const person = neither ? undefined : personOf(r, people.peopleOf(ref.id), issues)
    if (hasBadCell(r) || person === undefined) continue
    const list = byCase.get(ref.id) ?? []
    list.push(valuesOf(r, ref.id, staffOf, person))
    byCase.set(ref.id, list)
  }

  // What identifies a contact for comparison: only the columns the file has.
  const keyOf = (c: ContactValues) =>
    JSON.stringify([
      c.contactedOn,
      c.method,
      c.counterpart,
      present.has('person_no') ? c.personId : 0,
      present.has('time') ? c.time : 0,
      present.has('staff') ? [c.staffId, c.staffName] : 0,
      present.has('minutes') ? c.minutes : 0,
      present.has('summary') ? c.summary : 0,
    ])
  const deletes: string[] = []
  const inserts: BulkRow<typeof contacts>[] = []
  const counts = { added: 0, updated: 0 }
  for (const [caseId, wanted] of byCase) {
    const storedRows = stored.contactsByCase.get(caseId) ?? []
    if (storedRows.length === 0) {
      // A case without stored contacts (every case of a first import): all are added.
      for (const c of wanted) inserts.push(c)
      counts.added += wanted.length
      continue
    }
    const old = new Map<string, ContactRow[]>()
    for (const row of storedRows) {
      const k = keyOf(row)
      old.set(k, [...(old.get(k) ?? []), row])
    }
    let fresh = 0
    for (const c of wanted) {
      const match = old.get(keyOf(c))
      if (match?.length) {
        match.shift()
        continue
      }
      fresh++
      inserts.push(c)
    }
    const gone = [...old.values()].flat()
    deletes.push(...gone.map((g) => g.id))
    // A contact changed in place shows as updated; removed ones count as updates of the case's set.
    counts.updated += gone.length
    counts.added += fresh - Math.min(gone.length, fresh)
  }

  return {
    counts,
    async write(tx: Db) {
      for (const batch of chunks(deletes, BULK_ROWS))
        await tx.delete(contacts).where(and(eq(contacts.tenantId, ctx.tenantId), anyOf(contacts.id, batch)))
      await bulkInsert(tx, contacts, inserts, {
        // The id is the column's default (gen_random_uuid()): nothing refers to a new contact yet.
        columns: VALUE_KEYS,
        fixed: { tenantId: ctx.tenantId, createdAt: ctx.now, updatedAt: ctx.now },
      })
    },
  }
}

/**
 * Whom the contact was with and its 対象: the person its person_no names (their 続柄 gives the
 * 対象, which the row may repeat but not contradict), or none. undefined when the row is wrong.
 */
function personOf(
  r: SheetRow,
  people: Map<number, PersonRef>,
  issues: Issues,
): { personId: string | null; counterpart: Counterpart } | undefined {
  // A column the file lacks is as good as blank here; undefined is a cell already reported.
  const no = 'person_no' in r.v ? num(r, 'person_no') : null
  const given = ('counterpart' in r.v ? str(r, 'counterpart') : null) as Counterpart | null | undefined
  if (no === undefined || given === undefined) return undefined
  if (no === null) {
    if (given !== null) return { personId: null, counterpart: given }
    issues.error('contacts', r.row, 'counterpart', '「対象」が空欄です（相手の番号があれば省略できます）')
    return undefined
  }
  const person = people.get(no)
  if (!person) {
    issues.error('contacts', r.row, 'person_no', `番号${no}の相談者・世帯員がこのケースにいません`)
    return undefined
  }
  if (person.relationship === undefined) return undefined
  const derived = counterpartOf(person.relationship)
  if (given !== null && given !== derived) {
    const label = (code: string) => COUNTERPARTS.find((c) => c.code === code)!.label
    const relation = RELATIONSHIPS.find((c) => c.code === person.relationship)!.label
    issues.error(
      'contacts',
      r.row,
      'counterpart',
      `対象「${label(given)}」が番号${no}の人（続柄：${relation}）と合いません。「${label(derived)}」にするか空欄にしてください`,
    )
    return undefined
  }
  return { personId: person.id, counterpart: derived }
}

function valuesOf(
  r: SheetRow,
  caseId: string,
  staffOf: ReturnType<typeof staffMatcher>,
  person: { personId: string | null; counterpart: Counterpart },
): ContactValues {
  // Checked by collectSheets: every value has its column's type; an optional column the file
  // lacks is undefined here, stored as null.
  // biome-ignore lint/suspicious/noExplicitAny: cells of a checked row
  const v: Record<string, any> = r.v
  const staff = staffOf(v.staff ?? null)
  return {
    caseId,
    contactedOn: v.contacted_on,
    time: v.time ?? null,
    method: v.method,
    counterpart: person.counterpart,
    staffId: staff.staffId,
    staffName: staff.staffName,
    minutes: v.minutes ?? null,
    summary: v.summary ?? null,
    personId: person.personId,
  }
}
