import type { LedgerSheet } from './ledger.types.ts'

/** A sheet being read, and how to stop reading it when the caller moves on before its end. */
export interface OpenSheet {
  sheet: LedgerSheet
  /**
   * 'next': the caller wants the following sheet, so what is left of this one must be got out
   * of the way. 'stop': the caller is done with the whole ledger; release the file.
   */
  close(why: 'next' | 'stop'): Promise<void>
}
