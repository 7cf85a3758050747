// SAX over a workbook part's text (saxes, a strict, well-kept XML parser), with a bound on
// what the parser may hold: the text of a node is handed over only when the node ends, so a
// 200 MiB cell would be held whole before anyone could count it. Here the characters written
// since the parser's last event are counted; past the bound the file is refused.
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import { LedgerReadError } from './ledger.types.ts'
import { NOT_A_SPREADSHEET, textTooLong } from './reasons.ts'

export interface XmlHandlers {
  /** An element starts; `name` without its namespace prefix. */
  open(name: string, attributes: Record<string, string>): void
  close(name: string): void
  /** Text (entities resolved), CDATA included. */
  text(text: string): void
}

/** Written to the parser in pieces of this many characters, so the bound is checked often. */
const PIECE = 64 * 1024

const local = (name: string) => {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

export interface XmlBound {
  source: string
  /** Where the too-long text was, for the message (「共有文字列」, 「シート「…」」). */
  where: string
  /** The longest cell, in characters; the parser may hold some times that (escapes, markup). */
  maxCellChars: number
}

/**
 * Feeds the chunks to a parser calling the handlers; yields after each chunk so the caller can
 * pass on what the handlers gathered before more is inflated.
 */
export async function* xmlEvents(
  chunks: AsyncIterable<string>,
  handlers: XmlHandlers,
  bound: XmlBound,
): AsyncGenerator<void> {
  // A cell's characters written as references (&#x20BB7;) take up to ten characters each.
  const maxHeld = bound.maxCellChars * 10 + PIECE
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false })
  let failed = false
  let held = 0
  parser.on('error', () => {
    failed = true
  })
  parser.on('opentag', (tag: SaxesTagPlain) => {
    held = 0
    handlers.open(local(tag.name), tag.attributes)
  })
  parser.on('closetag', (tag: SaxesTagPlain) => {
    held = 0
    handlers.close(local(tag.name))
  })
  parser.on('text', (text) => {
    held = 0
    handlers.text(text)
  })
  parser.on('cdata', (text) => {
    held = 0
    handlers.text(text)
  })
  const passed = () => {
    held = 0
  }
  parser.on('comment', passed)
  parser.on('processinginstruction', passed)
  parser.on('doctype', passed)

  const check = () => {
    if (failed) throw new LedgerReadError(bound.source, NOT_A_SPREADSHEET)
    if (held > maxHeld) throw new LedgerReadError(bound.source, textTooLong(bound.where, bound.maxCellChars))
  }
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at += PIECE) {
      const piece = chunk.length <= PIECE ? chunk : chunk.slice(at, at + PIECE)
      held += piece.length
      parser.write(piece)
      check()
    }
    yield
  }
  parser.close()
  check()
}
