import type { Baseline } from '#shared/contracts/interchange.ts'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { METRICS } from '../baseline-values.ts'

function Figure({ n }: { n: number | null }) {
  if (n === null) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">未集計</span>
      </>
    )
  }
  return <>{n.toLocaleString('ja-JP')}</>
}

/** The entered baselines with their figures; each row can be edited or deleted. */
export function BaselineTable({
  baselines,
  onEdit,
  onDelete,
}: {
  baselines: Baseline[]
  onEdit: (b: Baseline) => void
  onDelete: (b: Baseline) => void
}) {
  return (
    <Table caption="比較基準の一覧" captionHidden>
      <thead>
        <tr>
          <Th>名称</Th>
          <Th>期間</Th>
          {METRICS.map((m) => (
            <Th key={m.key} className="text-right">
              {m.label}
            </Th>
          ))}
          <Th>操作</Th>
        </tr>
      </thead>
      <tbody>
        {baselines.length === 0 && (
          <EmptyRow colSpan={7}>比較基準はまだありません。「比較基準を追加」から入力してください。</EmptyRow>
        )}
        {baselines.map((b) => (
          <tr key={b.label}>
            <th
              scope="row"
              className="border-b border-solid-gray-300 px-3 py-2 text-left align-top text-std-16B-170"
            >
              {b.label}
            </th>
            <Td>
              {formatWareki(b.from)}～{formatWareki(b.to)}
            </Td>
            {METRICS.map((m) => (
              <Td key={m.key} className="text-right tabular-nums">
                <Figure n={b.values[m.key]} />
              </Td>
            ))}
            <Td>
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => onEdit(b)}
                  aria-label={`「${b.label}」を編集`}
                >
                  編集
                </Button>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => onDelete(b)}
                  aria-label={`「${b.label}」を削除`}
                >
                  削除
                </Button>
              </div>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
