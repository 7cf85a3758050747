// How many errors (or warnings) an import found, as the CLI and the import page say it: a file
// can hold millions of bad cells, and only the first 1,000 are reported.

const n = (count: number) => count.toLocaleString('ja-JP')

/** '3件', or '全12,345件のうち最初の1,000件' when only the first ones are listed. */
export function issueCount(shown: number, total: number): string {
  return total > shown ? `全${n(total)}件のうち最初の${n(shown)}件` : `${n(total)}件`
}
