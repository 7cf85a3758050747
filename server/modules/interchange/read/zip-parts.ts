// A workbook's zip as named parts of UTF-8 text, read through the zip's central directory
// (yauzl: random access, so the shared strings can be read before the sheets whatever the
// order of the parts). Two things go wrong with workbooks that this file exists to stop:
// - text decoded chunk by chunk: a character cut at an inflate chunk's edge became U+FFFD
//   (exceljs's streaming reader). Here one streaming TextDecoder per part carries the cut
//   bytes over, and it is fatal: bytes that are not UTF-8 are an error, never a U+FFFD.
// - zip bombs: a part's declared size is checked before it is opened, and its real size is
//   counted while it inflates; past the limit the inflating stops there.
import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import { LedgerReadError } from './ledger.types.ts'
import { NOT_A_SPREADSHEET, notUtf8, partTooLarge, workbookTooLarge } from './reasons.ts'

/** A real workbook has a few dozen parts; a zip of many thousand is not a ledger. */
const MAX_ENTRIES = 10_000
/** A numeric reference to U+FFFD, as an XML writer may put it. */
const REPLACEMENT_REF = /&#(?:x0*fffd|0*65533);/i

export interface PartText {
  /** The part's text in pieces, in order. */
  chunks: AsyncGenerator<string>
  /** Whether the part, as far as read, really holds U+FFFD (as a character or a reference). */
  holdsReplacement(): boolean
}

export class ZipParts {
  private inflated = 0

  private constructor(
    readonly source: string,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly maxPartBytes: number,
  ) {}

  static async open(source: string, maxPartBytes: number): Promise<ZipParts> {
    let zip: yauzl.ZipFile | undefined
    try {
      zip = await yauzl.openPromise(source, { lazyEntries: true, autoClose: false })
      const entries = new Map<string, yauzl.Entry>()
      for await (const entry of zip.eachEntry()) {
        if (entries.size >= MAX_ENTRIES) throw new LedgerReadError(source, NOT_A_SPREADSHEET)
        // Part names are case-insensitive in Office's packages.
        entries.set(entry.fileName.toLowerCase(), entry)
      }
      return new ZipParts(source, zip, entries, maxPartBytes)
    } catch (error) {
      zip?.close()
      throw error instanceof LedgerReadError ? error : new LedgerReadError(source, NOT_A_SPREADSHEET)
    }
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase())
  }

  close(): void {
    this.zip.close()
  }

  /**
   * The part's text. The whole workbook may inflate to twice the limit of one part, so that a
   * workbook naming one big part many times (overlapping zip entries) is stopped too.
   */
  text(part: string): PartText {
    let holds = false
    const chunks = this.chunks(part, (piece) => {
      if (!holds && (piece.includes('\ufffd') || REPLACEMENT_REF.test(piece))) holds = true
    })
    return { chunks, holdsReplacement: () => holds }
  }

  /**
   * The part's bytes as they inflate, within the limits. `counted`: whether they count towards
   * the whole workbook's limit (a second look at a part, as the row count's, does not).
   */
  async *bytes(part: string, counted = true): AsyncGenerator<Buffer> {
    const entry = this.entries.get(part.toLowerCase())
    if (!entry) throw new LedgerReadError(this.source, NOT_A_SPREADSHEET)
    const tooLarge = () => new LedgerReadError(this.source, partTooLarge(part, this.maxPartBytes))
    if (entry.uncompressedSize > this.maxPartBytes) throw tooLarge()
    let stream: Readable
    try {
      stream = await this.zip.openReadStreamPromise(entry)
    } catch {
      throw new LedgerReadError(this.source, NOT_A_SPREADSHEET)
    }
    let bytes = 0
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length
        if (counted) this.inflated += chunk.length
        if (bytes > this.maxPartBytes) throw tooLarge()
        if (this.inflated > 2 * this.maxPartBytes)
          throw new LedgerReadError(this.source, workbookTooLarge(2 * this.maxPartBytes))
        yield chunk
      }
    } catch (error) {
      // yauzl's own check (more bytes than the entry declares) and zlib's errors land here.
      throw error instanceof LedgerReadError ? error : new LedgerReadError(this.source, NOT_A_SPREADSHEET)
    } finally {
      stream.destroy()
    }
  }

  private async *chunks(part: string, see: (piece: string) => void): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8', { fatal: true })
    const decode = (bytes?: Buffer) => {
      try {
        return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode()
      } catch {
        throw new LedgerReadError(this.source, notUtf8(part))
      }
    }
    // A reference cut at a chunk's edge is looked for again with the previous chunk's tail.
    let tail = ''
    for await (const chunk of this.bytes(part)) {
      const text = decode(chunk)
      see(tail + text)
      tail = text.slice(-12)
      yield text
    }
    const rest = decode()
    if (rest !== '') yield rest
  }
}
