// How an import message quotes text taken from the file (a cell, a header, a sheet's name): at
// most QUOTE_CHARS characters, so that a huge cell cannot travel whole into an error report
// (a 200 MiB cell once came back as a 419 MB response), and a misplaced name or note shows
// only its beginning. Every message that quotes the file goes through here.

/** Characters (code points) of a quoted text shown at most. */
export const QUOTE_CHARS = 100

/**
 * The first `max` characters of a text, with '…' when cut. Counts code points without copying
 * the whole text, so a text of hundreds of megabytes costs no more than a short one, and never
 * splits a surrogate pair.
 */
export function clip(text: string, max = QUOTE_CHARS): string {
  let end = 0
  for (let n = 0; n < max && end < text.length; n++) {
    const code = text.charCodeAt(end)
    const pair = code >= 0xd800 && code <= 0xdbff && end + 1 < text.length
    end += pair && isLowSurrogate(text.charCodeAt(end + 1)) ? 2 : 1
  }
  return end >= text.length ? text : `${text.slice(0, end)}…`
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/** A text from the file in 「」, clipped (a missing one as 「」). */
export function quote(text: string | null | undefined, max = QUOTE_CHARS): string {
  return `「${clip(text ?? '', max)}」`
}
