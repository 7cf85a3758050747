// Reads ledger files (docs/ledger-format.md) into sheets of rows. Knows file formats only: what the
// sheets and columns mean is the importer's business.
import { readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { LedgerReadError, type LedgerSheet, type ReadOptions } from './ledger.types.ts'
import { openCsv } from './read-csv.ts'
import { openXlsx } from './read-xlsx.ts'
import {
  EMPTY,
  NO_SPREADSHEETS_IN_FOLDER,
  NOT_A_SPREADSHEET,
  NOT_FOUND,
  tooLarge,
  UNREADABLE,
} from './reasons.ts'
import type { OpenSheet } from './sheet.ts'

/** 30 MiB: far above any city's ledger, low enough that a wrong file is refused at once. */
export const DEFAULT_MAX_BYTES = 30 * 1024 * 1024

type Kind = 'xlsx' | 'csv'

function kindOf(file: string): Kind | undefined {
  const ext = extname(file).toLowerCase()
  return ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : undefined
}

async function statOf(path: string) {
  try {
    return await stat(path)
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new LedgerReadError(path, code === 'ENOENT' || code === 'ENOTDIR' ? NOT_FOUND : UNREADABLE)
  }
}

/**
 * The files a path names: itself, or a folder's .xlsx and .csv files sorted by name (not its
 * subfolders). Excel's lock files (~$…) and hidden files are not ledgers.
 */
async function filesOf(path: string): Promise<string[]> {
  const info = await statOf(path)
  if (!info.isDirectory()) return [path]
  const entries = await readdir(path, { withFileTypes: true })
  const files = entries
    .filter((e) => e.isFile() && kindOf(e.name) && !e.name.startsWith('~$') && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => join(path, name))
  if (files.length === 0) throw new LedgerReadError(path, NO_SPREADSHEETS_IN_FOLDER)
  return files
}

/** Refuses a file before reading a byte of it: wrong kind, empty, or too large. */
async function check(file: string, maxBytes: number): Promise<Kind> {
  const info = await statOf(file)
  const kind = kindOf(file)
  if (!info.isFile() || !kind) throw new LedgerReadError(file, NOT_A_SPREADSHEET)
  if (info.size === 0) throw new LedgerReadError(file, EMPTY)
  if (info.size > maxBytes) throw new LedgerReadError(file, tooLarge(maxBytes))
  return kind
}

async function* openFile(file: string, kind: Kind, options: ReadOptions): AsyncGenerator<OpenSheet> {
  if (kind === 'csv') yield await openCsv(file, options)
  else yield* openXlsx(file, options)
}

/**
 * Every sheet of the given workbooks, CSV files and folders, in order. All files are checked
 * (present, a spreadsheet, not empty, not too large) before any is read, so a bad path fails
 * before the importer has done any work.
 *
 * Sheets stream: read a sheet's rows before asking for the next sheet. Moving on early is
 * allowed; the rest of that sheet is then skipped.
 */
export async function* readLedger(paths: string[], options: ReadOptions = {}): AsyncGenerator<LedgerSheet> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const files: [string, Kind][] = []
  for (const path of paths) {
    for (const file of await filesOf(path)) files.push([file, await check(file, maxBytes)])
  }
  for (const [file, kind] of files) {
    for await (const open of openFile(file, kind, options)) {
      let movedOn = false
      try {
        yield open.sheet
        movedOn = true
      } finally {
        // A generator's finally also runs when the caller stops early (break, an error).
        await open.close(movedOn ? 'next' : 'stop')
      }
    }
  }
}
