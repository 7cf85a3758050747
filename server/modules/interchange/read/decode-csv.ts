// Turns a CSV file's bytes into text, detecting UTF-8 (with or without BOM) or CP932 (what
// Japanese Excel writes) without reading the whole file first.
import { Transform } from 'node:stream'
import { type CsvEncoding, LedgerReadError } from './ledger.types.ts'
import { NOT_A_SPREADSHEET } from './reasons.ts'

export const UNKNOWN_ENCODING = '文字コードを判別できません。--encoding を指定してください'

/** How many bytes from the first non-ASCII byte on are looked at before deciding. */
const SNIFF_BYTES = 64 * 1024

function decoderFor(encoding: CsvEncoding): TextDecoder {
  // fatal: a byte sequence the encoding cannot decode is an error, never a replacement char.
  return new TextDecoder(encoding === 'cp932' ? 'shift_jis' : 'utf-8', { fatal: true })
}

function firstNonAscii(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i
  return -1
}

function looksUtf8(bytes: Buffer, final: boolean): boolean {
  try {
    // stream: a character cut at the end of the sniffed window is not yet an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !final })
    return true
  } catch {
    return false
  }
}

/**
 * A stream from CSV bytes to text. ASCII is the same in both encodings, so it passes through
 * undecided; the choice is made on the first 64 KiB from the first non-ASCII byte (or the end
 * of the file), and the rest is decoded incrementally. A UTF-8 BOM is dropped.
 */
export function decodeCsv(source: string, forced: CsvEncoding | undefined): Transform {
  let decoder = forced ? decoderFor(forced) : undefined
  let pending: Buffer = Buffer.alloc(0)

  const decode = (bytes: Buffer, final: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream: !final })
    } catch {
      throw new LedgerReadError(source, UNKNOWN_ENCODING)
    }
  }

  // Returns the text that can be handed on now; keeps undecided bytes in `pending`.
  const take = (final: boolean): string => {
    if (decoder) {
      const bytes = pending
      pending = Buffer.alloc(0)
      return decode(bytes, final)
    }
    const at = firstNonAscii(pending)
    if (at === -1) {
      const text = pending.toString('latin1')
      pending = Buffer.alloc(0)
      return text
    }
    const ascii = pending.subarray(0, at).toString('latin1')
    pending = pending.subarray(at)
    if (pending.length < SNIFF_BYTES && !final) return ascii
    decoder = decoderFor(looksUtf8(pending, final) ? 'utf-8' : 'cp932')
    return ascii + take(final)
  }

  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      // Text files never hold NUL; binary files and UTF-16 text (which Excel calls
      // "Unicode text") do.
      if (chunk.includes(0)) return done(new LedgerReadError(source, NOT_A_SPREADSHEET))
      try {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk])
        const text = take(false)
        done(null, text === '' ? undefined : text)
      } catch (error) {
        done(error as Error)
      }
    },
    flush(done) {
      try {
        const text = take(true)
        done(null, text === '' ? undefined : text)
      } catch (error) {
        done(error as Error)
      }
    },
  })
}
