import { Link } from '@tanstack/react-router'
import { labelOf } from '#shared/codes.ts'
import { SEMINAR_KINDS, type SeminarSummary } from '#shared/contracts/seminars.ts'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { seatsText, seminarPlaceText, seminarWhenText } from '../seminar-format.ts'

const COLUMNS = ['開催日時', '名称', '種類', '主催', '会場', '参加・定員']

/** Seminars as a table; the title links to the seminar's page. Counts only, no family's data. */
export function SeminarTable({
  caption,
  seminars,
  empty,
}: {
  caption: string
  seminars: SeminarSummary[]
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
        {seminars.length === 0 && <EmptyRow colSpan={COLUMNS.length}>{empty}</EmptyRow>}
        {seminars.map((s) => (
          <tr key={s.id}>
            <Td>{seminarWhenText(s)}</Td>
            <Td>
              <Link to="/seminars/$seminarId" params={{ seminarId: s.id }}>
                {s.title}
              </Link>
            </Td>
            <Td>{labelOf(SEMINAR_KINDS, s.kind)}</Td>
            <Td>{s.organiser}</Td>
            <Td>{seminarPlaceText(s)}</Td>
            <Td>{seatsText(s)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
