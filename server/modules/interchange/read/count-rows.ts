// A worksheet's rows counted before it is read: a sheet of millions of rows is refused in the
// time it takes to inflate it, before any row is parsed or handed to the importer. Counts
// <row …> start tags (with or without a namespace prefix) in the raw bytes; "<" cannot occur
// in XML text, so only markup (or a comment or CDATA, which can only count too many) matches.
import { LedgerReadError } from './ledger.types.ts'
import { tooManyRows } from './reasons.ts'
import type { ZipParts } from './zip-parts.ts'

const LT = 0x3c
const COLON = 0x3a
/** Bytes kept from the end of one chunk, so a tag cut at the edge is seen whole. */
const CARRY = 64

const endsName = (b: number | undefined) =>
  b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d
const inName = (b: number) =>
  (b >= 0x61 && b <= 0x7a) ||
  (b >= 0x41 && b <= 0x5a) ||
  (b >= 0x30 && b <= 0x39) ||
  b === 0x5f ||
  b === 0x2d ||
  b === 0x2e

/** Row start tags in buf from `from` on, among positions whose next byte is in buf. */
function rowTags(buf: Buffer, from: number): number {
  let n = 0
  for (
    let i = buf.indexOf('row', from, 'latin1');
    i !== -1 && i + 3 < buf.length;
    i = buf.indexOf('row', i + 3, 'latin1')
  ) {
    if (!endsName(buf[i + 3])) continue
    let j = i - 1
    if (buf[j] === COLON) {
      j--
      while (j >= 0 && inName(buf[j]!)) j--
    }
    if (j >= 0 && buf[j] === LT) n++
  }
  return n
}

export async function checkRowCount(
  zip: ZipParts,
  part: string,
  sheet: string,
  maxRows: number,
): Promise<void> {
  let rows = 0
  let carry: Buffer = Buffer.alloc(0)
  let from = 0
  for await (const chunk of zip.bytes(part, false)) {
    const buf = carry.length === 0 ? chunk : Buffer.concat([carry, chunk])
    rows += rowTags(buf, from)
    if (rows > maxRows) throw new LedgerReadError(zip.source, tooManyRows(sheet, maxRows))
    carry = buf.subarray(Math.max(0, buf.length - CARRY))
    // The last three positions were not looked at (their next byte was not there yet).
    from = Math.max(0, carry.length - 3)
  }
}
