/** A case the later sheets refer to by its number. */
export interface CaseRef {
  id: string
  openedOn: string | undefined
  /** The row of the cases sheet that names it (none: a stored case the sheet leaves alone). */
  row?: number
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u
const DATE = /^\d{4}-\d{2}-\d{2}$/u
const DAY_MS = 86_400_000
/** No opening date (a row whose date cell was wrong, already reported). */
const NO_DATE = -0x80000000

/**
 * Every case of an import by number (stored, then the cases sheet's), for the sheets that follow:
 * its id, opening date and row, packed in typed arrays. One object per case, with its id and date
 * as strings, held about 190 bytes a case: 38 MB of the importer's heap at 200,000 cases, the part
 * of it that grew with the ledger. Here a case costs its number (the Map's key), its slot, and 24
 * bytes. `get` builds the small object the callers read, for the moment they read it.
 */
export class CaseRefs {
  private readonly slots = new Map<string, number>()
  private ids = new Uint8Array(16 * 1024)
  private opened = new Int32Array(1024)
  /** 0: none (a sheet's rows start at 2). */
  private rows = new Int32Array(1024)

  get size(): number {
    return this.slots.size
  }

  set(caseNo: string, ref: CaseRef): void {
    // Checked before a slot is taken: what could not be given back exactly is refused whole.
    if (!UUID.test(ref.id)) throw new Error('a case id that is not a lowercase uuid')
    const day = ref.openedOn === undefined ? NO_DATE : dayOf(ref.openedOn)
    let slot = this.slots.get(caseNo)
    if (slot === undefined) {
      slot = this.slots.size
      this.grow(slot + 1)
      this.slots.set(caseNo, slot)
    }
    this.ids.set(Buffer.from(ref.id.replaceAll('-', ''), 'hex'), slot * 16)
    this.opened[slot] = day
    this.rows[slot] = ref.row ?? 0
  }

  get(caseNo: string): CaseRef | undefined {
    const slot = this.slots.get(caseNo)
    return slot === undefined ? undefined : this.at(slot)
  }

  *[Symbol.iterator](): IterableIterator<[string, CaseRef]> {
    for (const [caseNo, slot] of this.slots) yield [caseNo, this.at(slot)]
  }

  private at(slot: number): CaseRef {
    const bytes = this.ids.subarray(slot * 16, slot * 16 + 16)
    const hex = Buffer.from(bytes.buffer, bytes.byteOffset, 16).toString('hex')
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    const day = this.opened[slot]!
    const openedOn = day === NO_DATE ? undefined : new Date(day * DAY_MS).toISOString().slice(0, 10)
    const row = this.rows[slot]!
    return row === 0 ? { id, openedOn } : { id, openedOn, row }
  }

  /** Doubles the arrays until they hold `n` cases. */
  private grow(n: number): void {
    if (n <= this.opened.length) return
    const length = Math.max(n, this.opened.length * 2)
    const ids = new Uint8Array(length * 16)
    ids.set(this.ids)
    this.ids = ids
    const opened = new Int32Array(length)
    opened.set(this.opened)
    this.opened = opened
    const rows = new Int32Array(length)
    rows.set(this.rows)
    this.rows = rows
  }
}

function dayOf(date: string): number {
  // Parsed as ISO (Date.UTC would read years below 100 as 19xx), and given back the same, or refused.
  const ms = DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new Error('an opening date that is not a YYYY-MM-DD date')
  return ms / DAY_MS
}
