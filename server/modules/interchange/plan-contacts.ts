// The `contacts` sheet. Contacts have no identifier: a re-import replaces the set of contacts
// of every case the file names. Contacts equal to stored ones are kept (with their id and next
// step); only the differences are deleted and inserted, so re-importing a file changes nothing.
// The sheet is the ledger's biggest (five contacts a case): it is never held whole, and the
// comparison with what is stored runs in SQL (issue 15).
// A contact may name the person it was with (person_no, a number of the `people` sheet): its
// 対象 then follows from their 続柄 and may be left blank.
import { getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { contacts } from '#server/db/schema/index.ts'
import { COUNTERPARTS, type Counterpart, RELATIONSHIPS } from '#shared/codes.ts'
import { counterpartOf } from '#shared/counterpart.ts'
import { quote } from '#shared/interchange/quote.ts'
import { missingColumnReason, sheetDef } from '#shared/interchange/sheets.ts'
import { bulkInsert, MOVE_ROWS } from './bulk-write.ts'
import type { CaseRefs } from './case-refs.ts'
import {
  type Counts,
  hasBadCell,
  type Issues,
  num,
  type ParsedSheet,
  type SheetRow,
  str,
} from './import-model.ts'
import type { ContactRow, Stored } from './load-stored.ts'
import type { PeoplePlan, PersonRef } from './plan-people.ts'
import { stagingOf } from './staging.ts'
import type { WorkTables } from './work-tables.ts'
import { BEFORE_OPENING, type ImportContext } from './write-support.ts'

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
/** The table's columns for VALUE_KEYS but the case. */
const VALUE_COLUMNS = VALUE_KEYS.filter((key) => key !== 'caseId').map(
  (key) => getTableColumns(contacts)[key].name,
)

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

/**
 * The contact's columns that identify it for comparison: only those the file has (a column it
 * lacks keeps the stored values, so it cannot tell two contacts apart).
 */
function keyColumns(present: Set<string>): string[] {
  return [
    'contacted_on',
    'method',
    'counterpart',
    ...(present.has('person_no') ? ['person_id'] : []),
    ...(present.has('time') ? ['time'] : []),
    ...(present.has('staff') ? ['staff_id', 'staff_name'] : []),
    ...(present.has('minutes') ? ['minutes'] : []),
    ...(present.has('summary') ? ['summary'] : []),
  ]
}

/**
 * Checks the contacts sheet a chunk of rows at a time (collect-sheets.ts streamRows) and writes
 * its good rows into a work table; then compares them with the stored contacts of the same
 * cases by SQL, and writes the differences through `out` while the ledger has no error (none:
 * checks only, a dry run). Memory holds a chunk, whatever the sheet's size.
 */
export async function importContacts(
  chunks: AsyncIterable<SheetRow[]>,
  sheet: ParsedSheet | undefined,
  stored: Stored,
  refs: CaseRefs,
  people: Pick<PeoplePlan, 'peopleOf'>,
  issues: Issues,
  ctx: ImportContext,
  work: WorkTables,
  out: Db | undefined,
): Promise<Counts> {
  const counts = { added: 0, updated: 0 }
  if (!sheet) return counts
  const present = sheet.present
  const staffOf = staffMatcher(stored)
  // 対象 or 相手の番号: a sheet needs one of the two columns (neither is required alone).
  const neither = !present.has('counterpart') && !present.has('person_no')
  if (neither)
    issues.error('contacts', 1, 'counterpart', missingColumnReason(sheetDef('contacts').columns[4]!))
  // The file's good contacts, in file order (seq), in the contacts table's columns (no NOT NULL:
  // a row of a sheet that lacks a required column is counted, and never written).
  const columns = getTableColumns(contacts)
  const incoming = await work.create(
    sql.raw(
      ['seq bigint generated always as identity primary key']
        .concat(VALUE_KEYS.map((key) => `"${columns[key].name}" ${columns[key].getSQLType()}`))
        .join(', '),
    ),
  )
  for await (const rows of chunks) {
    const values: ContactValues[] = []
    for (const r of rows) {
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
      values.push(valuesOf(r, ref.id, staffOf, person))
    }
    await bulkInsert(work.db, contacts, values, {
      columns: VALUE_KEYS,
      into: incoming,
    })
  }
  const [size] = await rowsOf<{ n: number }>(work.db, sql`select count(*)::int as n from ${incoming}`)
  const incomingCount = size?.n ?? 0
  const diff = await compare(work, incoming, keyColumns(present), ctx.tenantId)
  if (diff.none) {
    // Cases without stored contacts (a first import): every contact is added.
    counts.added = incomingCount
  } else {
    const [tally] = await rowsOf<{ added: number; updated: number }>(
      work.db,
      sql`with gone as (select case_id, count(*)::int as n from ${diff.gone} group by case_id),
        fresh as (select i.case_id, count(*)::int as n from ${incoming} i
          where ${diff.fresh(sql`i.seq`)} group by i.case_id)
        select coalesce(sum(coalesce(gone.n, 0)), 0)::int as updated,
          coalesce(sum(coalesce(fresh.n, 0) - least(coalesce(gone.n, 0), coalesce(fresh.n, 0))), 0)::int as added
        from gone full join fresh using (case_id)`,
    )
    // A contact changed in place shows as updated; removed ones count as updates of the case's set.
    counts.added = tally?.added ?? 0
    counts.updated = tally?.updated ?? 0
  }
  if (out && issues.ok) await writeDifferences(out, incoming, incomingCount, diff, ctx)
  return counts
}

const rowsOf = async <R>(db: Db, query: SQL): Promise<R[]> =>
  ((await db.execute(query)) as unknown as { rows: R[] }).rows

interface Differences {
  /** No stored contact of the file's cases: nothing goes, every incoming contact is new. */
  none: boolean
  /** Stored contacts to delete, numbered 1… by seq; columns seq, case_id, id. */
  gone: SQL
  /** How many rows `gone` has. */
  goneCount: number
  /** A condition on an incoming row's seq: true when it is new (no stored contact equals it). */
  fresh(seq: SQL): SQL
}

/**
 * Which stored contacts of the file's cases go and which of the file's are new: a contact is
 * kept when the file has one equal to it in every key column; equal ones pair up one to one, in
 * order (the first stored with the first in the file), so duplicates count. A case's first
 * import has no stored contacts: every incoming one is new, with no comparison to make.
 */
async function compare(
  work: WorkTables,
  incoming: SQL,
  keys: string[],
  tenantId: string,
): Promise<Differences> {
  const cases = sql`(select distinct case_id from ${incoming})`
  const [any] = await rowsOf<{ found: boolean }>(
    work.db,
    sql`select exists (select 1 from ${contacts} c
      where c.tenant_id = ${tenantId} and c.case_id in ${cases}) as found`,
  )
  if (!any?.found) {
    const gone = await work.create(sql`seq bigint, case_id uuid, id uuid`)
    return { none: true, gone, goneCount: 0, fresh: () => sql`true` }
  }
  // md5 of the row's text: one comparable value for columns that may be NULL (row text tells
  // NULL from an empty string), so that the join is a hash join.
  const keyOf = (alias: string) => sql.raw(`md5(row(${keys.map((k) => `${alias}.${k}`).join(', ')})::text)`)
  const storedKeys = await work.createAs(
    sql`select c.id, c.case_id, ${keyOf('c')} as k,
        row_number() over (partition by c.case_id, ${keyOf('c')} order by c.created_at, c.id) as n
      from ${contacts} c where c.tenant_id = ${tenantId} and c.case_id in ${cases}`,
  )
  const incomingKeys = await work.createAs(
    sql`select i.seq, i.case_id, ${keyOf('i')} as k,
        row_number() over (partition by i.case_id, ${keyOf('i')} order by i.seq) as n
      from ${incoming} i`,
  )
  const pairs = await work.createAs(
    sql`select s.id, i.seq from ${storedKeys} s
      join ${incomingKeys} i on i.case_id = s.case_id and i.k = s.k and i.n = s.n`,
  )
  await work.db.execute(sql`create index on ${pairs} (seq)`)
  const gone = await work.createAs(
    sql`select row_number() over (order by s.id) as seq, s.case_id, s.id from ${storedKeys} s
      where not exists (select 1 from ${pairs} p where p.id = s.id)`,
  )
  const [size] = await rowsOf<{ n: number }>(work.db, sql`select count(*)::int as n from ${gone}`)
  return {
    none: false,
    gone,
    goneCount: size?.n ?? 0,
    fresh: (seq) => sql`not exists (select 1 from ${pairs} p where p.seq = ${seq})`,
  }
}

/**
 * Deletes the contacts that go and inserts the new ones. On the embedded store `out` writes the
 * statements down to run later, each in a short transaction (staging.ts): MOVE_ROWS rows each.
 */
async function writeDifferences(
  out: Db,
  incoming: SQL,
  incomingCount: number,
  diff: Differences,
  ctx: ImportContext,
) {
  const step = stagingOf(out) ? MOVE_ROWS : Number.MAX_SAFE_INTEGER
  for (let from = 1; from <= diff.goneCount; from += step)
    await out.execute(
      sql`delete from ${contacts} where ${contacts.tenantId} = ${ctx.tenantId}
        and ${contacts.id} in (select id from ${diff.gone} where seq >= ${from} and seq < ${from + step})`,
    )
  const columns = sql.raw(
    ['tenant_id', 'case_id', ...VALUE_COLUMNS, 'created_at', 'updated_at'].map((c) => `"${c}"`).join(', '),
  )
  const at = ctx.now.toISOString()
  // seq runs 1… without gaps: the table is new and each row is inserted once.
  for (let from = 1; from <= incomingCount; from += step)
    await out.execute(
      sql`insert into ${contacts} (${columns})
        select ${ctx.tenantId}, i.case_id, ${sql.raw(VALUE_COLUMNS.map((c) => `i."${c}"`).join(', '))},
          ${at}::timestamptz, ${at}::timestamptz
        from ${incoming} i where i.seq >= ${from} and i.seq < ${from + step} and ${diff.fresh(sql`i.seq`)}
        order by i.seq`,
    )
}

/**
 * Whom the contact was with and its 対象: the person its person_no names (their 続柄 gives the
 * 対象, which the row may repeat but not contradict), or none. undefined when the row is wrong.
 */
function personOf(
  r: SheetRow,
  people: ReadonlyMap<number, PersonRef>,
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
