// Test support: small ledgers written to temp folders, and counts of everything a city stores.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import {
  baselines,
  caseEvents,
  casePeople,
  casePersonPhones,
  cases,
  contacts,
  meetingAttendees,
  meetings,
  orgUnits,
  resources,
  reviews,
  surveyAnswers,
  surveyQuestions,
  surveyRespondents,
  surveys,
  windowContactCells,
  windowContactOpenings,
  windowContactReturns,
} from '#server/db/schema/index.ts'
import { type ImportOptions, importLedger } from './import-ledger.ts'

export const NOW = new Date('2026-11-24T01:00:00Z')

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'yorisoi-ledger-'))
}

const quote = (cell: string) => (/[",\r\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)

export function csvText(rows: string[][], eol = '\r\n'): string {
  return rows.map((r) => r.map(quote).join(',')).join(eol) + eol
}

/** Writes <name>.csv (UTF-8 without BOM unless given bytes) and returns its path. */
export function writeCsv(dir: string, name: string, rows: string[][] | Buffer): string {
  const path = join(dir, `${name}.csv`)
  writeFileSync(path, Buffer.isBuffer(rows) ? rows : csvText(rows))
  return path
}

/** A valid ledger of two cases, three contacts, a meeting with a review, used by most tests. */
export function baseLedger(dir: string): string {
  writeCsv(dir, 'cases', [
    [
      'case_id',
      'opened_on',
      'intake_unit',
      'ward',
      'age',
      'age_band',
      'first_consulter',
      'route',
      'concerns',
      'urgency',
      'handed_over_on',
      'handed_over_to',
      'closed_on',
      'closure_reason',
      'name',
      'kana',
      'gender',
    ],
    [
      '2021-00001',
      '2021-04-05',
      'window',
      '北区',
      '35',
      '',
      '家族・親族',
      'web',
      '就労;家族関係',
      '',
      '',
      '',
      '',
      '',
      '山田 太郎',
      'やまだ たろう',
      'male',
    ],
    [
      '2021-00002',
      '2021/5/10',
      '相談窓口',
      'sakyo',
      '',
      '40歳以上',
      'self',
      '',
      '',
      'urgent',
      '2021-06-01',
      '左京区',
      '',
      '',
      '',
      '',
      '',
    ],
  ])
  writeCsv(dir, 'contacts', [
    ['ケース番号', '対応日', '時刻', '手法', '対象', '担当者', '所要時間(分)', '内容'],
    [
      '2021-00001',
      '2021-04-05',
      '10:00',
      '電話',
      '家族・親族',
      '相談員A',
      '30',
      '母親から電話, 本人は自室に',
    ],
    ['2021-00001', '2021-04-12', '', 'in_person', 'self', '', '60', ''],
    ['2021-00002', '2021-05-10', '09:30', 'phone', 'family', '', '', ''],
  ])
  writeCsv(dir, 'meetings', [
    ['meeting_id', 'ward', 'held_on', 'agencies', 'sections'],
    ['M-1', 'sakyo', '2021-06-20', 'NPO法人あかり;地域包括支援センター', '健康長寿推進課;生活福祉課'],
  ])
  writeCsv(dir, 'reviews', [
    ['meeting_id', 'case_id', 'kind', 'route', 'lead', 'lead_unit', 'policy', 'next_review_on'],
    ['M-1', '2021-00002', '新規', '相談窓口', 'accompaniment', '', '週1回訪問', '2021-07-20'],
  ])
  return dir
}

/** More new cases than one move takes (500 rows a statement), so the failure comes after several moves. */
const NEW_CASES = 1200

/**
 * A second ledger for a city holding baseLedger: it corrects a stored case, replaces its
 * contacts, adds NEW_CASES cases with a contact each, and a meeting whose review decides the
 * stored case (the current decision is rewritten after the moves).
 */
export function secondLedger(failAt?: string): string {
  const dir = tempDir()
  const added = Array.from({ length: NEW_CASES }, (_, i) => `2022-${String(i + 1).padStart(5, '0')}`)
  writeCsv(dir, 'cases', [
    ['case_id', 'opened_on', 'intake_unit', 'first_consulter', 'ward'],
    ['2021-00001', '2021-04-05', 'window', 'self', 'sakyo'],
    ...added.map((id) => [id, '2022-04-05', 'window', 'family', 'kita']),
  ])
  writeCsv(dir, 'contacts', [
    ['case_id', 'contacted_on', 'method', 'counterpart', 'summary'],
    ['2021-00001', '2021-05-01', 'phone', 'self', '差し替え'],
    ...added.map((id, i) => [
      id,
      '2022-04-06',
      'phone',
      'family',
      i === NEW_CASES - 1 && failAt ? failAt : '',
    ]),
  ])
  writeCsv(dir, 'meetings', [
    ['meeting_id', 'ward', 'held_on'],
    ['M-1', 'sakyo', '2021-06-20'],
    ['M-2', 'sakyo', '2021-09-20'],
  ])
  writeCsv(dir, 'reviews', [
    ['meeting_id', 'case_id', 'kind', 'route', 'lead', 'lead_unit', 'policy', 'next_review_on'],
    ['M-1', '2021-00002', '新規', '相談窓口', 'accompaniment', '', '週1回訪問', '2021-07-20'],
    ['M-2', '2021-00001', '新規', '相談窓口', 'accompaniment', '', '月1回面談', '2021-10-20'],
  ])
  return dir
}

export function importDir(db: Db, tenantId: string, paths: string[], options: Partial<ImportOptions> = {}) {
  return importLedger(db, tenantId, paths, { dryRun: false, actor: null, now: NOW, ...options })
}

const TABLES = {
  cases,
  caseEvents,
  casePeople,
  casePersonPhones,
  contacts,
  meetings,
  meetingAttendees,
  reviews,
  surveys,
  surveyQuestions,
  surveyRespondents,
  surveyAnswers,
  resources,
  baselines,
  orgUnits,
}

const TALLIES = { windowContactCells, windowContactOpenings, windowContactReturns }

/** How many rows of each table a city has: "nothing was written" is these being equal. */
export async function storedCounts(db: Db, tenantId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const [name, table] of Object.entries(TABLES)) {
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId))
    out[name] = row!.n
  }
  return out
}

/** Every row of each of a city's tables, in a fixed order: "the store is as before" is these being equal. */
export async function storedRows(db: Db, tenantId: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  // The report's tallies of the window's contacts too: a failed import leaves them as they were.
  for (const [name, table] of Object.entries({ ...TABLES, ...TALLIES })) {
    const rows = await db.select().from(table).where(eq(table.tenantId, tenantId))
    out[name] = rows.map((r) => JSON.stringify(r)).sort()
  }
  return out
}
