import { buttonClass } from '#web/components/ui/button.tsx'
import { type ReportQuery, reportDownloadUrls } from '../api/get-report.ts'

function fileStem(query: ReportQuery): string {
  return ['yorisoi-report', query.from, query.to, query.ward].filter(Boolean).join('_')
}

/** The same report as an Excel workbook (one sheet per table) and as JSON (for other systems). */
export function ReportDownloads({ query }: { query: ReportQuery }) {
  const urls = reportDownloadUrls(query)
  return (
    <ul aria-label="ダウンロード" className="mb-8 flex flex-wrap gap-4 print:hidden">
      <li>
        <a href={urls.xlsx} download={`${fileStem(query)}.xlsx`} className={buttonClass('secondary')}>
          Excelでダウンロード
        </a>
      </li>
      <li>
        <a href={urls.json} download={`${fileStem(query)}.json`} className={buttonClass('secondary')}>
          JSONでダウンロード
        </a>
      </li>
      <li>
        <button type="button" className={buttonClass('tertiary')} onClick={() => window.print()}>
          印刷する（A4）
        </button>
      </li>
    </ul>
  )
}
