// Shared by the reader's tests: a temp folder per test file, and whole-ledger reads as plain data.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
import { type Cell, LedgerReadError, type ReadOptions } from './ledger.types.ts'
import { readLedger } from './read-ledger.ts'

export interface ReadSheet {
  name: string
  headers: string[]
  headerRowNumber: number
  rows: { rowNumber: number; cells: Record<string, Cell>; faults?: Record<string, string> }[]
}

/** A temp folder made before the file's tests and removed after them. */
export function tempFolder(): {
  path: string
  file(name: string, content: string | Buffer): Promise<string>
} {
  const folder = {
    path: '',
    async file(name: string, content: string | Buffer) {
      const path = join(folder.path, name)
      await writeFile(path, content)
      return path
    },
  }
  beforeAll(async () => {
    folder.path = await mkdtemp(join(tmpdir(), 'yorisoi-ledger-'))
  })
  afterAll(async () => {
    await rm(folder.path, { recursive: true, force: true })
  })
  return folder
}

export async function readAll(paths: string[], options: ReadOptions = {}): Promise<ReadSheet[]> {
  const sheets: ReadSheet[] = []
  for await (const sheet of readLedger(paths, options)) {
    const rows: ReadSheet['rows'] = []
    for await (const row of sheet.rows) {
      const read = { rowNumber: row.rowNumber, cells: Object.fromEntries(row.cells) }
      rows.push(row.faults ? { ...read, faults: Object.fromEntries(row.faults) } : read)
    }
    sheets.push({ name: sheet.name, headers: sheet.headers, headerRowNumber: sheet.headerRowNumber, rows })
  }
  return sheets
}

/** The LedgerReadError reading these paths throws (fails the test if there is none). */
export async function refusal(paths: string[], options: ReadOptions = {}): Promise<LedgerReadError> {
  try {
    await readAll(paths, options)
  } catch (error) {
    expect(error).toBeInstanceOf(LedgerReadError)
    return error as LedgerReadError
  }
  throw new Error('expected a LedgerReadError')
}
