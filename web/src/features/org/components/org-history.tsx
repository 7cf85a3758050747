import type { OrgUnit, OrgWard } from '#shared/contracts/org-settings.ts'
import { formatInstant } from '#shared/dates.ts'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { Table, Td, Th } from '#web/components/ui/table.tsx'
import { useOrgHistory } from '../api/org-settings.ts'

const FIELDS: Record<string, string> = {
  created: '追加',
  deleted: '削除',
  name: '名称',
  sortOrder: '表示順',
  active: '状態',
}
const shown = (field: string, value: string | null) =>
  value === null ? '—' : field === 'active' ? (value === 'true' ? '有効' : '無効') : value

/** 変更の履歴: old names stay here, while records show the current name. */
export function OrgHistory({ wards, units }: { wards: OrgWard[]; units: OrgUnit[] }) {
  const history = useOrgHistory()
  const nameOf = (subject: string, key: string) =>
    (subject === 'ward' ? wards.find((w) => w.code === key)?.name : units.find((u) => u.id === key)?.name) ??
    '（削除済み）'
  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-4">
      <h2 id="history-heading" className="text-std-24B-150">
        変更の履歴
      </h2>
      {history.isPending && <Loading what="変更の履歴" />}
      {history.error && <QueryError error={history.error} />}
      {history.data &&
        (history.data.length === 0 ? (
          <p className="text-std-16N-170">まだ変更はありません。</p>
        ) : (
          <Table caption="組織の変更の履歴（新しい順）" captionHidden>
            <thead>
              <tr>
                <Th>日時</Th>
                <Th>対象（現在の名称）</Th>
                <Th>項目</Th>
                <Th>変更前</Th>
                <Th>変更後</Th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((h) => (
                <tr key={h.id}>
                  <Td>{formatInstant(h.at)}</Td>
                  <Td>{nameOf(h.subject, h.subjectKey)}</Td>
                  <Td>{FIELDS[h.field] ?? h.field}</Td>
                  <Td>{shown(h.field, h.before)}</Td>
                  <Td>{shown(h.field, h.after)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ))}
    </section>
  )
}
