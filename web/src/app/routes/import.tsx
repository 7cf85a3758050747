import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { ExportLinks } from '#web/features/interchange/components/export-links.tsx'
import { ImportPanel } from '#web/features/interchange/components/import-panel.tsx'
import { RequireReportRole } from './report-access.tsx'

const TITLE = '台帳の取込'

/** The page as the router shows it (the route, loaded on first visit: import.route.ts). */
export function GuardedImportPage() {
  return (
    <RequireReportRole title={TITLE} ability="importLedger">
      <ImportPage />
    </RequireReportRole>
  )
}

function ImportPage() {
  return (
    <>
      <PageHeading title={TITLE} />
      <p className="mb-8 max-w-3xl text-std-16N-170">
        相談受付簿や会議記録などのExcel台帳を取り込みます。まず取込前チェックで誤りがないかを確かめ、問題がなければ取り込みます。同じ番号の記録をもう一度取り込むと、重複せずに上書きされます。
      </p>
      <div className="flex flex-col gap-12">
        <ImportPanel />
        <ExportLinks />
      </div>
    </>
  )
}
