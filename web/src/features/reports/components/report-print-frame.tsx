import type { Report } from '#shared/contracts/reports.ts'
import { needsHandlingMark } from '#shared/report-small-counts.ts'
import { Notice } from '#web/components/ui/notice.tsx'
import { cssString } from '#web/lib/css-string.ts'

/**
 * The printed page's header (report title, period and ward on every page) and, where a ward's
 * small counts could identify people (shared/report-small-counts.ts), 取扱注意 on every page and
 * above the report. The header is a @page margin box of the named page `report`
 * (report-print.css); its text depends on the report, so it is written here.
 */
export function ReportPrintFrame({
  title,
  report,
  periodText,
  scopeText,
}: {
  title: string
  report: Report
  periodText: string
  scopeText: string
}) {
  const marked = needsHandlingMark(report)
  const header = `${title}　${periodText}　${scopeText}`
  const css = `@media print { @page report {
  @top-left { content: ${cssString(header)}; font-size: 9pt; color: #1a1a1a; }
  ${marked ? '@top-right { content: "【取扱注意】"; font-size: 11pt; font-weight: bold; color: #1a1a1a; }' : ''}
} }`
  return (
    <>
      <style>{css}</style>
      {marked && (
        <div className="report-handling-mark mb-8">
          <Notice tone="warning" title="取扱注意（少数の集計を含みます）">
            この区の集計には1～4件の少ない件数があり、地域の事情を知る人には個人が推測されるおそれがあります。会議資料として使う場合も配布先を限り、公表する場合は少数の値を「5件未満」などに置き換えてください。
          </Notice>
        </div>
      )}
    </>
  )
}
