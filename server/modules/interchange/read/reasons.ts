// Why a file cannot be read at all, as the person importing it should read it. Never include
// cell contents: ledgers hold personal data.
export const NOT_FOUND = 'ファイルが見つかりません'
export const EMPTY = 'ファイルが空です'
export const NOT_A_SPREADSHEET = '表計算ファイル（.xlsx または .csv）として読み取れません'
export const NO_SPREADSHEETS_IN_FOLDER = 'フォルダに表計算ファイル（.xlsx または .csv）がありません'
export const UNREADABLE = 'ファイルを読み取れません（アクセス権を確認してください）'

export function tooLarge(maxBytes: number): string {
  // Whole megabytes for the usual limits; two decimals so a small configured limit is not "0MB".
  const mb = Math.round((maxBytes / (1024 * 1024)) * 100) / 100
  return `ファイルが大きすぎます（上限${mb}MB）`
}

/** A CSV the parser rejects (an unclosed quote, …), located by line so it can be found. */
export function malformedCsv(line: number | undefined): string {
  return line ? `CSV の形式が正しくありません（${line}行目付近）` : 'CSV の形式が正しくありません'
}

const count = (n: number) => n.toLocaleString('ja-JP')

/** A worksheet (or CSV file) with more rows than the importer takes. */
export function tooManyRows(sheet: string, maxRows: number): string {
  return `シート「${sheet}」の行数が上限（${count(maxRows)}行）を超えています。ファイルを分けて取り込んでください`
}

/** One cell longer than a cell may be (Excel's own limit by default). */
export function cellTooLong(maxChars: number): string {
  return `セルの文字数が上限（${count(maxChars)}文字）を超えています`
}

/** A text so long that reading it was stopped before it ended (a cell or a shared string). */
export function textTooLong(where: string, maxChars: number): string {
  return `${where}に上限（${count(maxChars)}文字）を超える長さの文字列があります`
}

/** A part of a workbook that inflates beyond the limit: a zip bomb, or not a ledger. */
export function partTooLarge(part: string, maxBytes: number): string {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 100) / 100
  return `ブック内の「${part}」は展開すると上限（${mb}MB）を超えます`
}

/** A workbook part whose bytes are not UTF-8 (damaged, or written by a broken program). */
export function notUtf8(part: string): string {
  return `ブック内の「${part}」の文字コードが UTF-8 として正しくありません（ファイルが壊れている可能性があります）`
}

/** Defence in depth: reading produced U+FFFD where the file holds none. */
export const LOST_CHARACTER =
  '読み取り中に文字が失われました（U+FFFD）。取り込みを中止しました。ファイルを保存し直して再度お試しください'

/** More shared strings than a workbook of the row limit's size could use. */
export function tooManyStrings(max: number): string {
  return `共有文字列（xl/sharedStrings.xml）の数が上限（${count(max)}個）を超えています`
}

/** A row holding more text than any ledger row (thousands of full cells). */
export function rowTooLong(sheet: string, row: number): string {
  return `シート「${sheet}」の${row}行目の文字数が多すぎます`
}

/** A workbook whose parts together inflate beyond the limit (overlapping zip entries). */
export function workbookTooLarge(maxBytes: number): string {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 100) / 100
  return `ブック全体を展開すると上限（${mb}MB）を超えます`
}
