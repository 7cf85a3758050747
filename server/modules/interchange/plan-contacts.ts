// The `contacts` sheet. Contacts have no identifier: a re-import replaces the set of contacts
// of every case the file names. Contacts equal to stored ones are kept (with their id and next
// step); only the differences are deleted and inserted, so re-importing a file changes nothing.
import { and, eq } from 'drizzle-orm'
import { quote } from '../../../shared/interchange/quote.ts'
import type { Db } from '../../db/client.ts'
import { contacts } from '../../db/schema/index.ts'
import { anyOf, BULK_ROWS, type BulkRow, bulkInsert } from './bulk-write.ts'
import {
  chunks,
  hasBadCell,
  type Issues,
  type ParsedLedger,
  rowsOf,
  type SheetRow,
  str,
} from './import-model.ts'
import type { ContactRow, Stored } from './load-stored.ts'
import type { CaseRef } from './plan-cases.ts'
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
  issues: Issues,
  ctx: ImportContext,
): SheetPlan {
  const present = ledger.get('contacts')?.present ?? new Set<string>()
  const staffOf = staffMatcher(stored)
  const byCase = new Map<string, ContactValues[]>()
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
    if (hasBadCell(r)) continue
    const list = byCase.get(ref.id) ?? []
    list.push(valuesOf(r, ref.id, staffOf))
    byCase.set(ref.id, list)
  }

  // What identifies a contact for comparison: only the columns the file has.
  const keyOf = (c: ContactValues) =>
    JSON.stringify([
      c.contactedOn,
      c.method,
      c.counterpart,
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

function valuesOf(r: SheetRow, caseId: string, staffOf: ReturnType<typeof staffMatcher>): ContactValues {
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
    counterpart: v.counterpart,
    staffId: staff.staffId,
    staffName: staff.staffName,
    minutes: v.minutes ?? null,
    summary: v.summary ?? null,
  }
}
