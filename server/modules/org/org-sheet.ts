// A city's organisation as a workbook: 区・支所, 課・室など (the units an administrator sets up)
// and 人口. Exported for editing in a spreadsheet and imported back: every row is checked first,
// errors name the sheet, row and column, and nothing is written unless the whole sheet is right.

import ExcelJS from 'exceljs'
import type { Db } from '#server/db/client.ts'
import { readWorkbook, type WorkbookSheet, WorkbookUnreadable } from '#server/modules/interchange/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import { type FieldError, invalid } from '#server/platform/errors.ts'
import { workbookBuffer } from '#server/platform/xlsx-write.ts'
import { UNIT_KINDS } from '#shared/codes.ts'
import { requiredText } from '#shared/contracts/common.ts'
import { EDITABLE_UNIT_KINDS, wardCode } from '#shared/contracts/org-settings.ts'
import { guardFormula, unguardFormula } from '#shared/interchange/formula-guard.ts'
import * as repo from './org-settings.repository.ts'

/** What the sheet may change on an existing ward or unit (its code and kind stay). */
const EDITABLE = ['name', 'sortOrder', 'active'] as const
type Editable = { name: string; sortOrder: number; active: boolean }

export const SHEETS = { wards: '区・支所', units: '課・室など', populations: '人口' } as const
const WARD_COLUMNS = ['区コード', '名称', '表示順', '有効'] as const
const UNIT_COLUMNS = ['ID', '種類', '区コード', '名称', '表示順', '有効'] as const
const POPULATION_COLUMNS = ['年度', '区コード', '人口'] as const
const YES = '有効'
const NO = '無効'

const kindLabel = (code: string) => UNIT_KINDS.find((k) => k.code === code)?.label ?? code
const kindOf = (label: string) =>
  EDITABLE_UNIT_KINDS.find((k) => k === label || UNIT_KINDS.find((u) => u.code === k)?.label === label)

export async function exportOrgSheet(db: Db, actor: Actor, at: Date): Promise<Buffer> {
  const t = actor.tenantId
  const [wards, units, populations] = await Promise.all([
    repo.findAllWards(db, t),
    repo.findAllUnits(db, t),
    repo.findPopulations(db, t),
  ])
  const book = new ExcelJS.Workbook()
  const add = (name: string, columns: readonly string[], rows: (string | number)[][]) => {
    const sheet = book.addWorksheet(name)
    sheet.addRow([...columns])
    for (const r of rows) sheet.addRow(r.map((c) => (typeof c === 'string' ? guardFormula(c) : c)))
  }
  add(
    SHEETS.wards,
    WARD_COLUMNS,
    wards.map(({ ward: w }) => [w.code, w.name, w.sortOrder, w.active ? YES : NO]),
  )
  add(
    SHEETS.units,
    UNIT_COLUMNS,
    units.map(({ unit: u }) => [
      u.id,
      kindLabel(u.kind),
      u.wardCode ?? '',
      u.name,
      u.sortOrder,
      u.active ? YES : NO,
    ]),
  )
  add(
    SHEETS.populations,
    POPULATION_COLUMNS,
    populations.map((p) => [p.fiscalYear, p.wardCode, p.population]),
  )
  await writeAudit(db, actor, at, { action: 'org.exported', recordType: 'org' })
  return workbookBuffer(book)
}

type Row = Record<string, string>

/**
 * The sheet's rows as text by column heading, with their row numbers; a missing sheet or column,
 * and a cell the reader could not read, are errors.
 */
function rowsOf(
  book: Map<string, WorkbookSheet>,
  name: string,
  columns: readonly string[],
  errors: FieldError[],
) {
  const sheet = book.get(name)
  if (!sheet) {
    errors.push({ field: name, message: `シート「${name}」がありません` })
    return []
  }
  const missing = columns.filter((c) => !sheet.headers.includes(c))
  for (const c of missing)
    errors.push({ field: `${name}!1`, message: `シート「${name}」に列「${c}」がありません` })
  if (missing.length) return []
  const rows: { n: number; row: Row }[] = []
  for (const r of sheet.rows) {
    for (const [column, reason] of r.faults ?? []) errors.push(cellError(name, r.rowNumber, column, reason))
    const row: Row = {}
    for (const c of columns) row[c] = unguardFormula((r.cells.get(c) ?? '').trim())
    if (Object.values(row).some((v) => v !== '')) rows.push({ n: r.rowNumber, row })
  }
  return rows
}

const cellError = (sheet: string, n: number, column: string, message: string): FieldError => ({
  field: `${sheet}!${n}!${column}`,
  message: `シート「${sheet}」${n}行目の「${column}」：${message}`,
})

/** A city's organisation is a few hundred rows: generous limits, far below what hurts the server. */
const SHEET_LIMITS = { maxPartBytes: 20 * 1024 * 1024, maxRows: 100_000, maxCellChars: 1000 }
/** Errors listed at most; the last entry says how many more there were. */
const MAX_LISTED_ERRORS = 100

/** The same rules as the organisation's forms: no control characters or broken surrogates, a length. */
const WARD_NAME = requiredText(50, '区・支所の名称')
const UNIT_NAME = requiredText(100, '名称')

/** The row's 名称 when the rule accepts it; otherwise its message as the cell's error. */
function nameOf(rule: typeof UNIT_NAME, sheet: string, n: number, row: Row, errors: FieldError[]) {
  const name = rule.safeParse(row['名称'])
  if (name.success) return name.data
  errors.push(cellError(sheet, n, '名称', name.error.issues[0]!.message))
  return null
}

function firstErrors(errors: FieldError[]): FieldError[] {
  if (errors.length <= MAX_LISTED_ERRORS) return errors
  const more = { field: 'body', message: `ほかに ${errors.length - MAX_LISTED_ERRORS} 件の誤りがあります` }
  return [...errors.slice(0, MAX_LISTED_ERRORS), more]
}

function intOf(text: string): number | null {
  return /^\d{1,9}$/u.test(text) ? Number(text) : null
}

function activeOf(text: string): boolean | null {
  return text === '' || text === YES ? true : text === NO ? false : null
}

/** Imports the workbook: wards by code, units by ID (a blank ID adds one), population by fiscal year. */
export async function importOrgSheet(db: Db, actor: Actor, at: Date, body: Buffer) {
  let book: Map<string, WorkbookSheet>
  try {
    book = await readWorkbook(body, SHEET_LIMITS)
  } catch (error) {
    if (!(error instanceof WorkbookUnreadable)) throw error
    throw invalid([{ field: 'body', message: error.reason }])
  }
  const errors: FieldError[] = []
  const wardRows = rowsOf(book, SHEETS.wards, WARD_COLUMNS, errors)
  const unitRows = rowsOf(book, SHEETS.units, UNIT_COLUMNS, errors)
  const popRows = rowsOf(book, SHEETS.populations, POPULATION_COLUMNS, errors)
  if (errors.length) throw invalid(errors)

  return db.transaction(async (tx) => {
    const t = actor.tenantId
    const wards = new Map((await repo.findAllWards(tx, t)).map((r) => [r.ward.code, r.ward]))
    const units = new Map((await repo.findAllUnits(tx, t)).map((r) => [r.unit.id, r.unit]))
    const sheetWards = new Set<string>()
    const W = SHEETS.wards
    const wardChanges = wardRows.flatMap(({ n, row }) => {
      const code = wardCode.safeParse(row['区コード'])
      const order = intOf(row['表示順']!)
      const active = activeOf(row['有効']!)
      if (!code.success) errors.push(cellError(W, n, '区コード', code.error.issues[0]!.message))
      else if (sheetWards.has(code.data))
        errors.push(cellError(W, n, '区コード', '同じ区コードが2回あります'))
      const name = nameOf(WARD_NAME, W, n, row, errors)
      if (order === null) errors.push(cellError(W, n, '表示順', '0以上の整数で入力してください'))
      if (active === null) errors.push(cellError(W, n, '有効', '「有効」か「無効」で入力してください'))
      if (!code.success || order === null || active === null || name === null) return []
      sheetWards.add(code.data)
      return [{ code: code.data, name, sortOrder: order, active }]
    })
    const known = (code: string) => wards.has(code) || sheetWards.has(code)
    const U = SHEETS.units
    const unitChanges = unitRows.flatMap(({ n, row }) => {
      const id = row.ID!
      const kind = kindOf(row['種類']!)
      const order = intOf(row['表示順']!)
      const active = activeOf(row['有効']!)
      const ward = row['区コード'] || null
      if (id && !units.has(id))
        errors.push(cellError(U, n, 'ID', 'このIDの組織はありません（新しく追加するときは空欄）'))
      if (!kind) errors.push(cellError(U, n, '種類', '種類が正しくありません'))
      const byWard = kind === 'ward_centre' || kind === 'ward_section'
      if (byWard && (!ward || !known(ward)))
        errors.push(cellError(U, n, '区コード', 'この区・支所はありません'))
      const name = nameOf(UNIT_NAME, U, n, row, errors)
      if (order === null) errors.push(cellError(U, n, '表示順', '0以上の整数で入力してください'))
      if (active === null) errors.push(cellError(U, n, '有効', '「有効」か「無効」で入力してください'))
      if (!kind || order === null || active === null || name === null) return []
      return [{ id, kind, wardCode: byWard ? ward : null, name, sortOrder: order, active }]
    })
    const P = SHEETS.populations
    const populations = new Map<number, { wardCode: string; population: number }[]>()
    for (const { n, row } of popRows) {
      const year = intOf(row['年度']!)
      const people = intOf(row['人口']!)
      if (year === null || year < 1990 || year > 2200)
        errors.push(cellError(P, n, '年度', '西暦の年度で入力してください'))
      if (!known(row['区コード']!)) errors.push(cellError(P, n, '区コード', 'この区・支所はありません'))
      if (people === null) errors.push(cellError(P, n, '人口', '0以上の整数で入力してください'))
      if (year === null || people === null) continue
      populations.set(year, [
        ...(populations.get(year) ?? []),
        { wardCode: row['区コード']!, population: people },
      ])
    }
    if (errors.length) throw invalid(firstErrors(errors))

    const history: Parameters<typeof repo.insertHistory>[1] = []
    const note = (subject: string, key: string, field: string, before: unknown, after: unknown) => {
      if (before !== after)
        history.push({
          tenantId: t,
          at,
          accountId: actor.accountId,
          subject,
          subjectKey: key,
          field,
          before: before === null ? null : String(before),
          after: String(after),
        })
    }
    /** A ward or unit the sheet edits: written (version + 1) and noted field by field, if changed. */
    const edit = async (
      subject: string,
      key: string,
      old: Editable & { version: number },
      next: Editable,
      write: (values: Editable & { version: number }) => Promise<unknown>,
    ) => {
      if (EDITABLE.every((f) => old[f] === next[f])) return
      await write({
        name: next.name,
        sortOrder: next.sortOrder,
        active: next.active,
        version: old.version + 1,
      })
      for (const f of EDITABLE) note(subject, key, f, old[f], next[f])
    }
    for (const w of wardChanges) {
      const old = wards.get(w.code)
      if (!old) {
        await repo.insertWard(tx, { tenantId: t, ...w })
        note('ward', w.code, 'created', null, w.name)
        continue
      }
      await edit('ward', w.code, old, w, (values) => repo.updateWardRow(tx, t, w.code, values))
    }
    for (const u of unitChanges) {
      const old = u.id ? units.get(u.id) : undefined
      if (!old) {
        const row = await repo.insertUnit(tx, {
          tenantId: t,
          kind: u.kind,
          wardCode: u.wardCode,
          name: u.name,
          sortOrder: u.sortOrder,
          active: u.active,
        })
        note('unit', row.id, 'created', null, u.name)
        continue
      }
      await edit('unit', old.id, old, u, (values) => repo.updateUnitRow(tx, t, old.id, values))
    }
    for (const [year, items] of populations) await repo.replacePopulations(tx, t, year, items)
    await repo.insertHistory(tx, history)
    const counts = {
      wards: wardChanges.length,
      units: unitChanges.length,
      populations: popRows.length,
      changes: history.length,
    }
    await writeAudit(tx, actor, at, { action: 'org.imported', recordType: 'org', detail: counts })
    return counts
  })
}
