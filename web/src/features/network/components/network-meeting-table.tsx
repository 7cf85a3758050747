import { Link } from '@tanstack/react-router'
import { labelOf, NETWORK_MEETING_KINDS } from '#shared/codes.ts'
import type { NetworkMeetingSummary } from '#shared/contracts/network.ts'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { networkDateText } from '../network-format.ts'

const COLUMNS = ['開催日', '会議名', '種類', '開始時刻', '場所', '共有ケース']

/** City-wide meetings as a table; the title links to the meeting's page. */
export function NetworkMeetingTable({
  caption,
  meetings,
  empty,
}: {
  caption: string
  meetings: NetworkMeetingSummary[]
  empty: string
}) {
  return (
    <Table caption={caption} captionHidden>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <Th key={c}>{c}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {meetings.length === 0 && <EmptyRow colSpan={COLUMNS.length}>{empty}</EmptyRow>}
        {meetings.map((m) => (
          <tr key={m.id}>
            <Td>{networkDateText(m.heldOn)}</Td>
            <Td>
              <Link to="/network/$meetingId" params={{ meetingId: m.id }}>
                {m.title}
              </Link>
            </Td>
            <Td>{labelOf(NETWORK_MEETING_KINDS, m.kind)}</Td>
            <Td>{m.startTime ?? '未定'}</Td>
            <Td>{m.place ?? '未定'}</Td>
            <Td>{m.kind === 'case_study' ? `${m.shareCount}件` : '—'}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
