import { labelOf, UNIT_KINDS } from '#shared/codes.ts'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import type { MeetingAttendee } from '../meeting-types.ts'

/** The invited organisations and whether each was present (read-only). */
export function AttendeeList({ attendees }: { attendees: MeetingAttendee[] }) {
  return (
    <Table caption={`招待されている組織（${attendees.length}件）`} captionHidden>
      <thead>
        <tr>
          <Th>組織</Th>
          <Th>種別</Th>
          <Th>出席</Th>
        </tr>
      </thead>
      <tbody>
        {attendees.length === 0 && <EmptyRow colSpan={3}>招待されている組織はまだありません。</EmptyRow>}
        {attendees.map((a) => (
          <tr key={a.unitId}>
            <th
              scope="row"
              className="border-b border-solid-gray-300 px-3 py-2 text-left align-top text-std-16N-170"
            >
              {a.name}
            </th>
            <Td>{labelOf(UNIT_KINDS, a.kind)}</Td>
            <Td>
              {a.attended ? (
                '出席'
              ) : (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="sr-only">記録なし</span>
                </>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
