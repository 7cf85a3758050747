import { caseNoReading, meetingNoReading } from '#shared/record-numbers.ts'

// The one way screens show case and meeting numbers (shared/record-numbers.ts): the reading staff
// expect in Japanese (令和 and the ward's name), with the stored number beside it, which is what
// they quote and search for. Numbers of another shape (an imported ledger's own) show as stored.

const STORED = 'ml-2 whitespace-nowrap text-dns-14N-130 text-solid-gray-800'

/** 北区 令和8年11月24日 kita-20261124 */
export function MeetingNo({ meetingNo, wardName }: { meetingNo: string; wardName?: string | null }) {
  const reading = meetingNoReading(meetingNo, wardName)
  if (!reading) return <span className="whitespace-nowrap">{meetingNo}</span>
  return (
    <>
      {reading}
      <span className={STORED}>
        <span className="sr-only">会議番号</span>
        {meetingNo}
      </span>
    </>
  )
}

/** 2026-00084 令和8年度 第84号: the stored number first, as it is the key a case is found by. */
export function CaseNo({ caseNo }: { caseNo: string }) {
  const reading = caseNoReading(caseNo)
  return (
    <>
      <span className="whitespace-nowrap">{caseNo}</span>
      {reading && <span className={STORED}>（{reading}）</span>}
    </>
  )
}
