import { Link } from '@tanstack/react-router'
import { labelOf, MEETING_STATUSES } from '#shared/codes.ts'
import { formatInstant } from '#shared/dates.ts'
import { MeetingNo } from '#web/components/record-no.tsx'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { agendaCountText, meetingDateText } from '../meeting-format.ts'
import type { MeetingSummary } from '../meeting-types.ts'

/** Meetings as a table; agency members also see whether they have acknowledged confidentiality. */
export function MeetingTable({
  caption,
  meetings,
  showAcknowledgement,
  empty,
}: {
  caption: string
  meetings: MeetingSummary[]
  showAcknowledgement: boolean
  empty: string
}) {
  const columns = ['開催日', '会議番号', '区', '開始時刻', '場所', '状態', '議題']
  if (showAcknowledgement) columns.push('守秘義務の確認')
  return (
    <Table caption={caption} captionHidden>
      <thead>
        <tr>
          {columns.map((c) => (
            <Th key={c}>{c}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {meetings.length === 0 && <EmptyRow colSpan={columns.length}>{empty}</EmptyRow>}
        {meetings.map((m) => (
          <tr key={m.id}>
            <Td>
              <Link to="/meetings/$meetingId" params={{ meetingId: m.id }}>
                {meetingDateText(m.heldOn)}
              </Link>
            </Td>
            <Td>
              <MeetingNo meetingNo={m.meetingNo} wardName={m.wardName} />
            </Td>
            <Td>{m.wardName}</Td>
            <Td>{m.startTime ?? '未定'}</Td>
            <Td>{m.place ?? '未定'}</Td>
            <Td>
              {m.status === 'held' ? (
                <strong>{labelOf(MEETING_STATUSES, m.status)}</strong>
              ) : (
                labelOf(MEETING_STATUSES, m.status)
              )}
            </Td>
            <Td>{agendaCountText(m.agendaCount, m.decidedCount)}</Td>
            {showAcknowledgement && (
              <Td>
                {m.acknowledgedAt ? (
                  `確認済（${formatInstant(m.acknowledgedAt)}）`
                ) : (
                  <strong className="text-error-2">未確認</strong>
                )}
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
