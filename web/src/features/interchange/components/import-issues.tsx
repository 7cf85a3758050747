import { issueCount } from '#shared/interchange/issue-count.ts'
import { SHEETS } from '#shared/interchange/sheets.ts'
import { Table, Td, Th } from '#web/components/ui/table.tsx'
import type { ImportIssue, ImportResult } from '../api/run-import.ts'

/** 相談ケース for `cases`; a sheet the format does not know (or a file name) is shown as named. */
export function sheetName(sheet: string): string {
  return SHEETS.find((s) => s.key === sheet || s.ja === sheet)?.ja ?? sheet
}

/** 受付日（opened_on） for a column key of a known sheet; the key alone otherwise. */
function columnName(sheet: string, column: string): string {
  const def = SHEETS.find((s) => s.key === sheet || s.ja === sheet)?.columns.find((c) => c.key === column)
  return def ? `${def.ja}（${column}）` : column
}

function Dash() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">指定なし</span>
    </>
  )
}

/** Errors or warnings of a checked file: where (sheet, row, column) and why. */
export function IssuesTable({ caption, issues }: { caption: string; issues: ImportIssue[] }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>シート</Th>
          <Th className="text-right">行</Th>
          <Th>列</Th>
          <Th>内容</Th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity beyond their place in the list
          <tr key={i}>
            <Td className="whitespace-nowrap">{issue.sheet ? sheetName(issue.sheet) : <Dash />}</Td>
            <Td className="text-right tabular-nums">{issue.row > 0 ? issue.row : <Dash />}</Td>
            <Td>{issue.column ? columnName(issue.sheet, issue.column) : <Dash />}</Td>
            <Td>{issue.reason}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

/** Records per sheet that the import adds or updates. */
export function CountsTable({ caption, counts }: { caption: string; counts: ImportResult['counts'] }) {
  const sheets = Object.entries(counts)
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>シート</Th>
          <Th className="text-right">追加</Th>
          <Th className="text-right">更新</Th>
        </tr>
      </thead>
      <tbody>
        {sheets.length === 0 && (
          <tr>
            <td colSpan={3} className="border-b border-solid-gray-300 px-3 py-4">
              取り込む行はありません。
            </td>
          </tr>
        )}
        {sheets.map(([sheet, c]) => (
          <tr key={sheet}>
            <th scope="row" className="border-b border-solid-gray-300 px-3 py-2 text-left text-std-16B-170">
              {sheetName(sheet)}
            </th>
            <Td className="text-right tabular-nums">{c.added}件</Td>
            <Td className="text-right tabular-nums">{c.updated}件</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

/** The errors (nothing was or will be written) and the warnings of a checked file. */
export function ImportIssues({ result }: { result: ImportResult }) {
  return (
    <div className="flex flex-col gap-8">
      {result.errors.length > 0 && (
        <IssuesTable
          caption={`エラー ${issueCount(result.errors.length, result.errorCount)}`}
          issues={result.errors}
        />
      )}
      {result.warnings.length > 0 && (
        <IssuesTable
          caption={`警告 ${issueCount(result.warnings.length, result.warningCount)}（取込はできます）`}
          issues={result.warnings}
        />
      )}
    </div>
  )
}
