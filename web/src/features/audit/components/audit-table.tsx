import { Link } from '@tanstack/react-router'
import { auditActionLabel } from '#shared/audit-actions.ts'
import type { AuditEntry } from '#shared/contracts/audit.ts'
import { formatInstant } from '#shared/dates.ts'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { type AuditView, groupPageViews, viewLabel } from '../page-views.ts'

function Who({ e }: { e: AuditEntry }) {
  if (!e.actorLogin) return <>（システム）</>
  return (
    <>
      {e.actorName ?? '（アカウントなし）'}
      <span className="block whitespace-nowrap text-dns-14N-130 text-solid-gray-800">{e.actorLogin}</span>
    </>
  )
}

/** The record as an auditor reads it: the case number for cases, else the kind and its id. */
function Target({ e }: { e: AuditEntry }) {
  if (e.caseNo && e.caseId) {
    return (
      <span className="whitespace-nowrap">
        <Link to="/admin/audit" search={{ caseNo: e.caseNo }}>
          {e.caseNo}
        </Link>
      </span>
    )
  }
  if (!e.recordType) return null
  return (
    <span className="text-dns-14N-130">
      {e.recordType}
      {e.recordId && <span className="block break-all font-mono">{e.recordId}</span>}
    </span>
  )
}

function Details({ view }: { view: AuditView }) {
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-dns-14N-130 text-key-900 underline">
        内訳{view.entries.length > 1 ? `（${view.entries.length}件）` : ''}を表示
      </summary>
      <ul className="mt-2 flex flex-col gap-2 text-dns-14N-130">
        {view.entries.map((e) => (
          <li key={e.id} className="border-l-4 border-solid-gray-300 pl-2">
            {formatInstant(e.at)}　{auditActionLabel(e.action)}
            <span className="ml-2 font-mono text-solid-gray-800">{e.action}</span>
            {e.recordType && (
              <span className="block break-all font-mono text-solid-gray-800">
                {e.recordType} {e.recordId ?? ''}
              </span>
            )}
            {e.detail && (
              <span className="block break-all font-mono text-solid-gray-800">
                {JSON.stringify(e.detail)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </details>
  )
}

/** One line per page view (page-views.ts), its rows folded under 「内訳を表示」. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const views = groupPageViews(entries)
  return (
    <Table caption="監査ログ" captionHidden>
      <thead>
        <tr>
          <Th>日時</Th>
          <Th>職員</Th>
          <Th>操作</Th>
          <Th>ケース・対象</Th>
          <Th>端末</Th>
        </tr>
      </thead>
      <tbody>
        {views.length === 0 && <EmptyRow colSpan={5}>条件に合う記録はありません。</EmptyRow>}
        {views.map((v) => (
          <tr key={v.key}>
            <Td className="whitespace-nowrap">{formatInstant(v.at)}</Td>
            <Td>
              <Who e={v.first} />
            </Td>
            <Td>
              {viewLabel(v)}
              <Details view={v} />
            </Td>
            <Td>
              <Target e={v.first} />
            </Td>
            <Td className="font-mono text-dns-14N-130">{v.first.clientAddress ?? ''}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
