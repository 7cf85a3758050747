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
