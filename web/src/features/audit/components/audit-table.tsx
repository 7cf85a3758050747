import type { AuditEntry } from '#shared/contracts/audit.ts'
import { formatInstant } from '#shared/dates.ts'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table caption="監査ログ" captionHidden>
      <thead>
        <tr>
          <Th>日時</Th>
          <Th>操作者</Th>
          <Th>操作</Th>
          <Th>対象</Th>
          <Th>対象ID</Th>
          <Th>端末</Th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 && <EmptyRow colSpan={6}>条件に合う記録はありません。</EmptyRow>}
        {entries.map((e) => (
          <tr key={e.id}>
            <Td className="whitespace-nowrap">{formatInstant(e.at)}</Td>
            <Td className="font-mono">{e.actorLogin ?? '（システム）'}</Td>
            <Td className="font-mono">{e.action}</Td>
            <Td className="font-mono">{e.recordType ?? ''}</Td>
            <Td className="break-all font-mono">{e.recordId ?? ''}</Td>
            <Td className="font-mono">{e.clientAddress ?? ''}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
