import type { LedgerSheet } from './ledger.types.ts'

/** A sheet being read, and how to stop reading it when the caller moves on before its end. */
export interface OpenSheet {
  sheet: LedgerSheet
  close(): Promise<void>
}
