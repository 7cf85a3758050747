import type { CaseloadWard, CaseloadWorker } from '#shared/contracts/accompaniment.ts'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { useWardName } from '#web/lib/reference-data.ts'
import { Flag } from './flag.tsx'

export const WORKER_KINDS: Record<CaseloadWorker['kind'], string> = {
  accompaniment_worker: 'よりそい支援員',
  ward_section: '保健福祉センター各課・室',
  agency: '専門機関・NPO等',
}

const num = 'text-right tabular-nums'

/** One row per worker (or section, agency) leading cases; over the threshold is flagged in words. */
export function WorkerTable({
  workers,
  ward,
  noActivityDays,
}: {
  workers: CaseloadWorker[]
  ward: string | null
  noActivityDays: number
}) {
  const wardName = useWardName()
  const columns = 6 + (ward ? 1 : 0)
  return (
    <Table caption="担当者別の担当件数" captionHidden>
      <thead>
        <tr>
          <Th>担当者</Th>
          <Th>種別</Th>
          <Th className={num}>担当件数（全市）</Th>
          {ward && <Th className={num}>うち{wardName(ward)}</Th>}
          <Th className={num}>{noActivityDays}日以上記録なし</Th>
          <Th className={num}>確認期限超過</Th>
          <Th>状況</Th>
        </tr>
      </thead>
      <tbody>
        {workers.length === 0 && (
          <EmptyRow colSpan={columns}>
            主担当として担当しているケースはありません。支援調整会議で主担当が決まると表示されます。
          </EmptyRow>
        )}
        {workers.map((w) => (
          <tr key={`${w.kind}-${w.id ?? 'none'}`} className={w.overloaded ? 'bg-red-50' : undefined}>
            <Td>
              {w.name}
              {w.kind === 'ward_section' && w.ward && !ward && (
                <span className="block text-dns-14N-130">{wardName(w.ward)}</span>
              )}
            </Td>
            <Td>{WORKER_KINDS[w.kind]}</Td>
            <Td className={num}>
              <strong>{w.openCases}件</strong>
              <span className="block text-dns-14N-130 text-solid-gray-800">上限 {w.threshold}件</span>
            </Td>
            {ward && <Td className={num}>{w.openCasesInWard ?? 0}件</Td>}
            <Td className={num}>{w.noRecentActivity}件</Td>
            <Td className={num}>{w.reviewsOverdue}件</Td>
            <Td>{w.overloaded ? <Flag>上限超過</Flag> : '上限内'}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

export function WardTable({ wards, noActivityDays }: { wards: CaseloadWard[]; noActivityDays: number }) {
  return (
    <Table caption="区別の担当状況" captionHidden>
      <thead>
        <tr>
          <Th>区</Th>
          <Th className={num}>主担当のいるケース</Th>
          <Th className={num}>{noActivityDays}日以上記録なし</Th>
          <Th className={num}>確認期限超過</Th>
          <Th className={num}>担当者数</Th>
          <Th>上限超過の担当者</Th>
        </tr>
      </thead>
      <tbody>
        {wards.map((w) => (
          <tr key={w.ward} className={w.overloadedWorkers > 0 ? 'bg-red-50' : undefined}>
            <Td>{w.wardName}</Td>
            <Td className={num}>{w.openCases}件</Td>
            <Td className={num}>{w.noRecentActivity}件</Td>
            <Td className={num}>{w.reviewsOverdue}件</Td>
            <Td className={num}>{w.workers}</Td>
            <Td>{w.overloadedWorkers > 0 ? <Flag>{`${w.overloadedWorkers}人`}</Flag> : 'なし'}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
