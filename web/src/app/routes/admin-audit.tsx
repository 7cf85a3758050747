import { useNavigate } from '@tanstack/react-router'
import { buttonClass } from '#web/components/ui/button.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Pagination, shownRange } from '#web/components/ui/pagination.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useAuditLog } from '#web/features/audit/api/list-audit.ts'
import { AuditFilters } from '#web/features/audit/components/audit-filters.tsx'
import { AuditTable } from '#web/features/audit/components/audit-table.tsx'
import { buildUrl } from '#web/lib/api-client.ts'
import { isApiError } from '#web/lib/api-error.ts'
import { RequireAdmin } from '../require-role.tsx'
import { auditRoute } from './admin-audit.route.ts'

const PAGE_SIZE = 100
// The CSV is a download registered outside the JSON contracts; the export is itself audited.
const AUDIT_CSV_PATH = '/api/audit.csv'

/** The page as the router shows it (the route, loaded on first visit: admin-audit.route.ts). */
export function GuardedAuditPage() {
  return (
    <RequireAdmin>
      <AuditPage />
    </RequireAdmin>
  )
}

function AuditPage() {
  const search = auditRoute.useSearch()
  const navigate = useNavigate({ from: '/admin/audit' })
  const page = search.page ?? 1
  const { page: _page, ...filters } = search
  const log = useAuditLog({ ...filters, page, pageSize: PAGE_SIZE })

  return (
    <>
      <PageHeading title="監査ログ" />
      <p className="mb-6 text-std-16N-170">
        個人情報の閲覧・変更とアカウントの操作の記録です。新しいものから表示します。ケースを開いたときの一連の記録は1行にまとめ、「内訳を表示」で確認できます。
      </p>
      <AuditFilters
        key={JSON.stringify(filters)}
        initial={filters}
        errors={isApiError(log.error) ? log.error.fieldErrors : {}}
        onApply={(values) => navigate({ search: values })}
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <p role="status" className="text-std-16N-170">
          {log.data ? `記録 全${log.data.total}件` : ''}
          {log.data ? shownRange(page, PAGE_SIZE, log.data.total) : ''}
        </p>
        <a href={buildUrl(AUDIT_CSV_PATH, undefined, filters)} download className={buttonClass('secondary')}>
          この条件の記録をCSVで書き出す
        </a>
      </div>
      {log.isPending && <Loading what="監査ログ" />}
      {log.error && <QueryError error={log.error} />}
      {log.data && (
        <>
          <AuditTable entries={log.data.items} />
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={log.data.total}
            onPageChange={(p) => navigate({ search: { ...search, page: p > 1 ? p : undefined } })}
          />
        </>
      )}
    </>
  )
}
