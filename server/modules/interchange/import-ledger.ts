// Imports a ledger (docs/ledger-format.md): read every sheet, check every row against the file and the
// store, and write everything in one transaction, or nothing when there is any error. A dry
// run checks and counts only. Each attempt leaves one audit row ('ledger.import'). On the
// embedded store (one connection: a transaction holds it for everyone) the rows are staged first
// (staging.ts), then moved in many short transactions that note what they change
// (server/db/undo-log.ts): a failure at any point puts it all back. The city is locked meanwhile
// (platform/import-lock.ts), so that its users see it before the import or after, never between.
import type { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { type Db, embeddedClient } from '#server/db/client.ts'
import { UndoLog } from '#server/db/undo-log.ts'
import { applyLatestDecisions, type DecisionAuthor } from '#server/modules/cases/index.ts'
import {
  pauseTallies,
  pauseTalliesIn,
  recountTallies,
  recountTalliesInTurns,
  resumeTallies,
  WINDOW_CONTACT_TALLIES,
} from '#server/modules/reports/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAnonymousAudit, writeAudit } from '#server/platform/audit.ts'
import { lockForImport } from '#server/platform/import-lock.ts'
import { SHEET_KEYS, type SheetKey } from '#shared/interchange/sheets.ts'
import { breathe } from './breathe.ts'
import { collectSheets, streamRows } from './collect-sheets.ts'
import { Issues, releaseRows } from './import-model.ts'
import { loadStored, type Stored } from './load-stored.ts'
import { importCases } from './plan-cases.ts'
import { importContacts } from './plan-contacts.ts'
import { planBaselines, planResources } from './plan-directory.ts'
import { planMeetings } from './plan-meetings.ts'
import { planPeople } from './plan-people.ts'
import { planResponses } from './plan-responses.ts'
import { importReviews } from './plan-reviews.ts'
import { planSurveys } from './plan-surveys.ts'
import type { CsvEncoding, ImportResult } from './read/ledger.types.ts'
import { ImportStaging } from './staging.ts'
import { WorkTables } from './work-tables.ts'
import { importerName, type SheetPlan } from './write-support.ts'

export interface ImportOptions {
  dryRun: boolean
  encoding?: CsvEncoding
  /** null for the command line. */
  actor: Actor | null
  now: Date
  clientAddress?: string
  /** Largest file read, in bytes (default 30 MiB, the web upload's; CLI_MAX_BYTES for the command line). */
  maxBytes?: number
  /** Rows per sheet (the YORISOI_IMPORT_MAX_ROWS setting; default 2,000,000). */
  maxRows?: number
}

export const MAX_LEDGER_BYTES = 30 * 1024 * 1024
/**
 * The command line reads files of any size (issue 15): its operator chose the file on the
 * server's own disk, and a big city's contacts sheet outgrows the web upload's cap (87 MB at 20
 * times the bench city). The cap stays on the web upload, where anyone signed in sends the bytes.
 */
export const CLI_MAX_BYTES = Number.POSITIVE_INFINITY

/** Thrown inside the transaction to roll it back when there are errors; never escapes. */
class RollBack extends Error {}

export async function importLedger(
  db: Db,
  tenantId: string,
  paths: string[],
  options: ImportOptions,
): Promise<ImportResult> {
  const issues = new Issues()
  const reading = {
    encoding: options.encoding,
    maxBytes: options.maxBytes ?? MAX_LEDGER_BYTES,
    maxRows: options.maxRows,
  }
  const ledger = await collectSheets(paths, reading, issues)
  /** A streamed sheet's rows (collect-sheets.ts STREAMED), read again in chunks when planned. */
  const stream = (key: SheetKey) => streamRows(paths, reading, ledger, key, issues)
  const ctx = { tenantId, actor: options.actor, now: options.now }
  const counts: ImportResult['counts'] = {}
  const write = !options.dryRun
  const by = { accountId: options.actor?.accountId ?? null, name: importerName(ctx) }
  /** The current decisions after the reviews sheet: an UPDATE whose answers are needed. */
  const decide = async (tx: Db) => {
    // The UPDATE joins the rows this transaction has just written: without fresh statistics
    // the planner takes them for empty and loops over every case once per review.
    for (const [table] of DECISION_JOINS) await tx.execute(sql.raw(`analyze ${table}`))
    await applyLatestDecisions(tx, tenantId, 'all', by, options.now)
  }
  let decisionsDeferred = false
  /**
   * Checks the ledger against what is stored and writes it through `out`. `deferDecisions`: `out`
   * only writes statements down (staging.ts), so the current decisions wait for the final
   * transaction, where they are taken after every sheet is written (no later sheet touches them).
   */
  const checkAndWrite = async (stored: Stored, out: Db, deferDecisions: boolean, work: WorkTables) => {
    // What is stored for them is loaded: the streamed sheets' case numbers are not needed again.
    for (const sheet of ledger.values()) sheet.named?.clear()
    /**
     * One sheet at a time: plan it (checks, counts), let go of its rows, and write it while the
     * ledger has no error so far, so that only one sheet's worth of rows is held at once. An
     * error found in a later sheet still writes nothing: the transaction is rolled back (or,
     * staged, never run).
     * Returns what later sheets refer to (the planned sheet's refs).
     */
    const step = async <P extends SheetPlan>(
      key: SheetKey,
      plan: () => P,
    ): Promise<Omit<P, keyof SheetPlan>> => {
      await breathe()
      const { counts: sheetCounts, write: writeSheet, ...refs } = plan()
      releaseRows(ledger, key)
      if (ledger.has(key)) counts[key] = sheetCounts
      await breathe()
      if (write && issues.ok) await writeSheet(out)
      return refs
    }
    // The biggest sheets stream (cases, contacts, reviews): checked and written a chunk of rows at
    // a time, through `sink` (none in a dry run).
    const sink = write ? out : undefined
    const cases = await importCases(stream('cases'), stored, issues, ctx, sink)
    if (ledger.has('cases')) counts.cases = cases.counts
    // People before contacts: a contact names its person, and a removed person's contacts let go first.
    const people = await step('people', () => planPeople(ledger, stored, cases.refs, issues, ctx))
    const sheet = ledger.get('contacts')
    const contactCounts = await importContacts(
      stream('contacts'),
      sheet,
      stored,
      cases.refs,
      people,
      issues,
      ctx,
      work,
      sink,
    )
    if (sheet) counts.contacts = contactCounts
    stored.peopleByCase.clear()
    stored.phonesByPerson.clear()
    // Read now, after the contacts (collect-sheets.ts STREAMED), and planned whole.
    const meetingSheet = ledger.get('meetings')
    if (meetingSheet)
      for await (const rows of stream('meetings')) for (const r of rows) meetingSheet.rows.push(r)
    const meetings = await step('meetings', () => planMeetings(ledger, stored, issues, ctx))
    const reviewed = ledger.has('reviews')
    const reviewCounts = await importReviews(
      stream('reviews'),
      stored,
      meetings,
      cases.refs,
      issues,
      ctx,
      sink,
    )
    if (reviewed) counts.reviews = reviewCounts
    if (write && reviewed && issues.ok) {
      if (deferDecisions) decisionsDeferred = true
      else await decide(out)
    }
    const surveys = await step('surveys', () => planSurveys(ledger, stored, issues, ctx))
    await step('responses', () => planResponses(ledger, stored, surveys.refs, issues, ctx))
    await step('resources', () => planResources(ledger, stored, issues, ctx))
    await step('baselines', () => planBaselines(ledger, stored, issues, ctx))
  }
  const audited = (tx: Db) =>
    audit(tx, tenantId, options, { ok: issues.ok, paths: paths.length, counts, errors: issues.errorCount })
  const embedded = embeddedClient(db)
  // No one else changes the city while its ledger is checked against it and written.
  const lock = write ? lockForImport(tenantId) : undefined
  try {
    if (embedded) {
      // The embedded store: no transaction stays open while the ledger is checked and staged.
      const stored = await db.transaction((tx) => loadStored(tx, tenantId, ledger))
      const staging = new ImportStaging(db)
      const work = new WorkTables(db, false)
      const undo = new UndoLog(embedded, tenantId)
      /** Moves the staged rows, then the current decisions, with the undo log (see the top). */
      const moveInTurns = async () => {
        await undo.create()
        lock?.moving()
        // The city's report tallies wait for the end, when they are counted again in turns
        // (reports/tally-upkeep.ts): the moves and their restore leave them as they were.
        await pauseTallies(embedded, tenantId)
        /** Whether the city's tallies may be part counted: a restore then counts them again. */
        let recounting = false
        try {
          await staging.deferred.applyInTurns(embedded, undo)
          if (decisionsDeferred) await decideInTurns(embedded, undo, tenantId, by, options.now)
          recounting = true
          await recountTalliesInTurns(embedded, tenantId, breathe)
          // The audit row and the end of the undo log commit together: should the process die
          // before, the next start restores the log and counts the tallies again
          // (server/db/interrupted-imports.ts).
          await db.transaction(async (tx) => {
            await audited(tx)
            await undo.dropWith(tx)
          })
        } catch (error) {
          // The rows moved so far go back, in short transactions too, and the tallies are counted
          // again from them. If that fails, the log stays for the next start to restore.
          const putBack = async () => {
            await undo.restore(breathe)
            if (recounting) await recountTalliesInTurns(embedded, tenantId, breathe)
          }
          await putBack().catch((undoing: unknown) => {
            throw new AggregateError([error, undoing], 'the import failed and could not be undone')
          })
          await undo.drop()
          throw error
        } finally {
          await resumeTallies(embedded)
        }
      }
      try {
        await checkAndWrite(stored, staging.deferred.db, true, work)
        if (write && !issues.ok) throw new RollBack()
        // A dry run has nothing to move: its audit row only (it used to open an undo log too).
        if (!write) await db.transaction(audited)
        else await moveInTurns()
      } finally {
        await staging.drop()
        await work.drop()
      }
    } else {
      await db.transaction(async (tx) => {
        // The city's report tallies are counted once, at the end (reports/tally-upkeep.ts).
        if (write) await pauseTalliesIn(tx, tenantId)
        await checkAndWrite(await loadStored(tx, tenantId, ledger), tx, false, new WorkTables(tx, true))
        if (write && issues.ok) await recountTallies(tx, tenantId)
        await audited(tx)
        if (!issues.ok && write) throw new RollBack()
      })
    }
    lock?.release()
    if (issues.ok && write) await analyze(db, ledger)
  } catch (error) {
    lock?.release()
    if (!(error instanceof RollBack)) throw error
    // Nothing was written; the attempt itself is still audited.
    await db.transaction(audited)
  }
  const order = (sheet: string) => {
    const i = SHEET_KEYS.indexOf(sheet as never)
    return i < 0 ? -1 : i
  }
  issues.errors.sort((a, b) => order(a.sheet) - order(b.sheet) || a.row - b.row)
  return {
    ok: issues.ok,
    dryRun: options.dryRun,
    errors: issues.errors,
    errorCount: issues.errorCount,
    warnings: issues.warnings,
    warningCount: issues.warningCount,
    counts,
  }
}

/**
 * Cases whose current decision one short transaction takes (embedded store): 250 took ~0.15–0.3 s
 * on a busy machine, and a request of a few statements waits for one transaction per statement.
 */
const DECISION_CASES = 100

/**
 * The current decisions after an embedded import, a batch of the city's reviewed cases per
 * transaction, each batch's cases noted in `undo` as they were first.
 */
async function decideInTurns(client: PGlite, undo: UndoLog, tenantId: string, by: DecisionAuthor, at: Date) {
  // The UPDATE joins the rows just moved: without statistics that know the city the planner takes
  // its rows for none and compares each with all the others (seconds per batch). Only the
  // columns it joins on, each table its own statement: a whole table's ANALYZE holds the store
  // for ~0.4 s at the bench city.
  for (const [table, columns] of DECISION_JOINS) {
    await client.query(`analyze ${table} (${columns})`)
    await breathe()
  }
  const reviewed = await client.query<{ id: string }>(
    'select distinct case_id::text as id from reviews where tenant_id = $1 order by 1',
    [tenantId],
  )
  const ids = reviewed.rows.map((r) => r.id)
  for (let i = 0; i < ids.length; i += DECISION_CASES) {
    const batch = ids.slice(i, i + DECISION_CASES)
    await client.transaction(async (tx) => {
      await undo.snapshot(tx, '"cases"', 't.tenant_id = $1 and t.id = any($2::uuid[])', [tenantId, batch])
      await applyLatestDecisions(undo.db(tx), tenantId, batch, by, at)
    })
    await breathe()
  }
}

/** The tables the current-decision UPDATE joins, with the columns it joins on. */
const DECISION_JOINS = [
  ['cases', 'tenant_id, id'],
  ['reviews', 'tenant_id, case_id, meeting_id'],
  ['meetings', 'tenant_id, id, status'],
] as const

/** The tables each sheet writes (counters and the audit log are small or never aggregated). */
const TABLES_OF: Record<string, string[]> = {
  cases: ['cases', 'case_events'],
  people: ['case_people', 'case_person_phones'],
  contacts: ['contacts'],
  meetings: ['meetings', 'meeting_attendees', 'org_units'],
  reviews: ['reviews'],
  surveys: ['surveys', 'survey_questions'],
  responses: ['survey_respondents', 'survey_answers'],
  resources: ['resources'],
  baselines: ['baselines'],
}

/**
 * Vacuums the tables the import wrote and refreshes their planner statistics, after its
 * transaction (VACUUM cannot run inside one). PGlite has no autovacuum (and a PostgreSQL server
 * may get to it only minutes later): without statistics the report's joins over freshly imported
 * tables get row estimates of ~0 and nested-loop plans that take tens of seconds on a city-sized
 * ledger instead of ~100 ms; without the vacuum the visibility map is never set, and the report's
 * index-only scans fetch every row from the table as well (34,812 heap fetches at the bench city).
 */
async function analyze(db: Db, ledger: Awaited<ReturnType<typeof collectSheets>>) {
  const embedded = embeddedClient(db)
  // The report's tallies of the window's contacts too: every import counts them again at its end.
  // (Read here, not in TABLES_OF: the reports module is still loading when this one is, through
  // the interchange routes it reaches.)
  const written = [...ledger.keys()].flatMap((key) => TABLES_OF[key] ?? [])
  for (const table of [...written, ...WINDOW_CONTACT_TALLIES]) {
    if (!embedded) {
      await db.execute(sql.raw(`vacuum (analyze) ${table}`))
      continue
    }
    // The embedded store: every statement here holds it for everyone. The vacuum is quick
    // (~35 ms for the bench city's cases); a whole table's ANALYZE is not (~0.4 s), so its
    // columns are analyzed two at a time (each command samples the rows again, which is cheap
    // beside computing each column's statistics). JSON columns are left out: no query filters on
    // them, and case history's alone took ~0.5 s.
    await embedded.query(`vacuum ${table}`)
    await breathe()
    const columns = await embedded.query<{ name: string }>(
      `select quote_ident(attname) as name from pg_attribute where attrelid = to_regclass($1)
        and attnum > 0 and not attisdropped and atttypid not in ('jsonb'::regtype, 'json'::regtype)
        order by attnum`,
      [table],
    )
    for (let i = 0; i < columns.rows.length; i += ANALYZE_COLUMNS) {
      const some = columns.rows.slice(i, i + ANALYZE_COLUMNS).map((c) => c.name)
      await embedded.query(`analyze ${table} (${some.join(', ')})`)
      await breathe()
    }
  }
}

/** Columns per ANALYZE on the embedded store. */
const ANALYZE_COLUMNS = 2

async function audit(
  tx: Db,
  tenantId: string,
  options: ImportOptions,
  detail: { ok: boolean; paths: number; counts: ImportResult['counts']; errors: number },
) {
  const entry = {
    action: 'ledger.import',
    recordType: 'ledger',
    detail: {
      dryRun: options.dryRun,
      ok: detail.ok,
      files: detail.paths,
      errors: detail.errors,
      counts: detail.counts,
    },
  }
  if (options.actor) await writeAudit(tx, options.actor, options.now, entry)
  else
    await writeAnonymousAudit(
      tx,
      tenantId,
      options.now,
      { loginId: 'cli', accountId: null, clientAddress: options.clientAddress ?? 'cli' },
      entry,
    )
}
