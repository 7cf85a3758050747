// The importer never holds its two biggest sheets (issue 15): cases and contacts are read again in
// chunks when planned (collect-sheets.ts STREAMED, streamRows) and contacts are compared with the
// stored ones in SQL (plan-contacts.ts). These tests use sheets of several chunks, with duplicate
// contacts across chunk boundaries and the contacts file given before the cases file.
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cases, contacts } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { collectSheets, STREAM_ROWS, streamRows } from './collect-sheets.ts'
import { Issues } from './import-model.ts'
import { baseLedger, importDir, storedCounts, tempDir, writeCsv } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const CASES = STREAM_ROWS + 500
/** Contacts of the first case: more than a chunk, so its duplicates straddle chunk boundaries. */
const FIRST_CASE_CONTACTS = STREAM_ROWS + 700

const caseNo = (i: number) => `2021-${String(i + 1).padStart(5, '0')}`
const day = (i: number) => `2021-05-${String((i % 28) + 1).padStart(2, '0')}`

function casesSheet(dir: string): string {
  const rows = [['case_id', 'opened_on', 'intake_unit', 'first_consulter', 'name']]
  for (let i = 0; i < CASES; i++) rows.push([caseNo(i), '2021-04-05', 'window', 'family', `相談者${i}`])
  return writeCsv(dir, 'cases', rows)
}

/**
 * The first case's contacts repeat every fourth row (four copies of each), so that equal contacts
 * pair up one to one; every other case has one contact. `summaryOf` varies the summaries.
 */
function contactRows(summaryOf: (i: number) => string): string[][] {
  const rows = [['case_id', 'contacted_on', 'method', 'counterpart', 'summary']]
  for (let i = 0; i < FIRST_CASE_CONTACTS; i++)
    rows.push([caseNo(0), day(i % 4), 'phone', 'family', summaryOf(i % 4)])
  for (let i = 1; i < CASES; i++) rows.push([caseNo(i), day(i), 'visit', 'self', '来所'])
  return rows
}

/** The stored contacts of a case as sorted "date|summary" strings (a multiset). */
async function storedOf(tenantId: string, no: string): Promise<string[]> {
  const [c] = await ctx.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.caseNo, no)))
  const rows = await ctx.db
    .select({ on: contacts.contactedOn, summary: contacts.summary })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.caseId, c!.id)))
  return rows.map((r) => `${r.on}|${r.summary}`).sort()
}

const fileOf = (rows: string[][], no: string) =>
  rows
    .slice(1)
    .filter((r) => r[0] === no)
    .map((r) => `${r[1]}|${r[4]}`)
    .sort()

describe('the biggest sheets stream (issue 15)', () => {
  it('collecting holds none of their rows; reading them again gives every row in chunks', async () => {
    const dir = tempDir()
    const paths = [
      writeCsv(
        dir,
        'contacts',
        contactRows(() => '電話'),
      ),
      casesSheet(dir),
    ]
    const issues = new Issues()
    const ledger = await collectSheets(paths, {}, issues)
    expect(issues.errors).toEqual([])
    expect(ledger.get('contacts')!.rows).toEqual([])
    expect(ledger.get('cases')!.rows).toEqual([])
    expect(ledger.get('contacts')!.named!.get('case_id')!.size).toBe(CASES)
    expect(ledger.get('cases')!.present).toEqual(
      new Set(['case_id', 'opened_on', 'intake_unit', 'first_consulter', 'name']),
    )
    const sizes: number[] = []
    const rowNumbers: number[] = []
    for await (const chunk of streamRows(paths, {}, ledger, 'contacts', issues)) {
      sizes.push(chunk.length)
      for (const r of chunk) rowNumbers.push(r.row)
    }
    expect(Math.max(...sizes)).toBe(STREAM_ROWS)
    expect(rowNumbers.length).toBe(FIRST_CASE_CONTACTS + CASES - 1)
    // Every row once, in file order (the header is row 1).
    expect(rowNumbers[0]).toBe(2)
    expect(rowNumbers.at(-1)).toBe(FIRST_CASE_CONTACTS + CASES)
  })

  it('imports, re-imports unchanged, and replaces a case’s contacts pairing equal ones one to one', async () => {
    const city = await ctx.newCity()
    const dir = tempDir()
    const first = contactRows((k) => `電話${k}`)
    const paths = [writeCsv(dir, 'contacts', first), casesSheet(dir)]
    const added = await importDir(ctx.db, city.tenantId, paths)
    expect(added.errors).toEqual([])
    expect(added.counts.cases).toEqual({ added: CASES, updated: 0 })
    expect(added.counts.contacts).toEqual({ added: FIRST_CASE_CONTACTS + CASES - 1, updated: 0 })
    expect(await storedOf(city.tenantId, caseNo(0))).toEqual(fileOf(first, caseNo(0)))

    const again = await importDir(ctx.db, city.tenantId, paths)
    expect(again.counts.cases).toEqual({ added: 0, updated: 0 })
    expect(again.counts.contacts).toEqual({ added: 0, updated: 0 })
    expect(await storedOf(city.tenantId, caseNo(0))).toEqual(fileOf(first, caseNo(0)))

    // The first case: its last 3 rows dropped (3 fewer copies), one row's summary changed, two
    // rows added; the second case: its one contact changed.
    const changed = first.slice(0, -CASES + 1).slice(0, -3)
    changed[10] = [caseNo(0), day(2), 'phone', 'family', '折り返し']
    changed.push(
      [caseNo(0), '2021-06-01', 'phone', 'family', '新規'],
      [caseNo(0), '2021-06-02', 'visit', 'self', ''],
    )
    changed.push([caseNo(1), day(1), 'visit', 'self', '来所（変更）'])
    const path = writeCsv(dir, 'contacts', changed)
    const dry = await importDir(ctx.db, city.tenantId, [path], { dryRun: true })
    // Gone: 3 dropped + 1 changed (case 1), 1 changed (case 2) → 5 updates; fresh: 1 + 2 + 1 = 4,
    // of which min(gone, fresh) per case (4 and 1) are counted as updates, not additions.
    expect(dry.counts.contacts).toEqual({ added: 0, updated: 5 })
    expect(await storedOf(city.tenantId, caseNo(0))).toEqual(fileOf(first, caseNo(0)))

    const replaced = await importDir(ctx.db, city.tenantId, [path])
    expect(replaced.errors).toEqual([])
    expect(replaced.counts.contacts).toEqual({ added: 0, updated: 5 })
    const blankAsNull = (rows: string[]) => rows.map((r) => r.replace(/\|$/u, '|null')).sort()
    expect(await storedOf(city.tenantId, caseNo(0))).toEqual(blankAsNull(fileOf(changed, caseNo(0))))
    expect(await storedOf(city.tenantId, caseNo(1))).toEqual([`${day(1)}|来所（変更）`])
    // A case the file no longer names keeps its contacts.
    expect(await storedOf(city.tenantId, caseNo(2))).toEqual([`${day(2)}|来所`])
  })

  it('reports errors found in any chunk, at their rows, and writes nothing', async () => {
    const city = await ctx.newCity()
    const dir = tempDir()
    const rows = contactRows(() => '電話')
    const late = FIRST_CASE_CONTACTS + 100
    rows[late - 1] = ['2099-00001', day(1), 'phone', 'family', '']
    const cased = [['case_id', 'opened_on', 'intake_unit', 'first_consulter']]
    for (let i = 0; i < CASES; i++) cased.push([caseNo(i), '2021-04-05', 'window', 'family'])
    cased.push([caseNo(7), '2021-04-05', 'window', 'family'])
    const result = await importDir(ctx.db, city.tenantId, [
      writeCsv(dir, 'contacts', rows),
      writeCsv(join(dir), 'cases', cased),
    ])
    expect(result.ok).toBe(false)
    expect(result.errors).toEqual([
      {
        sheet: 'cases',
        row: CASES + 2,
        column: 'case_id',
        reason: 'ケース番号「2021-00008」が重複しています（最初は9行目）',
      },
      {
        sheet: 'contacts',
        row: late,
        column: 'case_id',
        reason: 'ケース番号「2099-00001」のケースがありません',
      },
    ])
    const stored = await ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.tenantId, city.tenantId))
    expect(stored).toEqual([])
  })

  it('the meetings sheet is not held through the cases and contacts: read at its turn, checked and written', async () => {
    const dir = baseLedger(tempDir())
    const paths = ['cases', 'contacts', 'meetings', 'reviews'].map((name) => join(dir, `${name}.csv`))
    const issues = new Issues()
    const ledger = await collectSheets(paths, {}, issues)
    expect(ledger.get('meetings')!.rows).toEqual([])
    expect(ledger.get('meetings')!.named!.get('meeting_id')).toEqual(new Set(['M-1']))

    const city = await ctx.newCity()
    const result = await importDir(ctx.db, city.tenantId, paths)
    expect(result.errors).toEqual([])
    expect(result.counts.meetings).toEqual({ added: 1, updated: 0 })
    expect(result.counts.reviews).toEqual({ added: 1, updated: 0 })
    expect((await storedCounts(ctx.db, city.tenantId)).meetings).toBe(1)

    // A meeting's bad cell is still found, on its row, and nothing is written.
    writeCsv(dir, 'meetings', [
      ['meeting_id', 'ward', 'held_on'],
      ['M-1', 'sakyo', '2021-06-20'],
      ['M-2', 'sakyo', '20XX-01-01'],
    ])
    const other = await ctx.newCity()
    const failed = await importDir(ctx.db, other.tenantId, paths)
    expect(failed.ok).toBe(false)
    expect(failed.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([['meetings', 3, 'held_on']])
    expect((await storedCounts(ctx.db, other.tenantId)).cases).toBe(0)
  })
})
