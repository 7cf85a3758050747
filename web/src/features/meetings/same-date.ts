import { meetingNoText } from '#shared/record-numbers.ts'
import { typedDate } from '#shared/typed-dates.ts'
import { meetingDateText } from './meeting-format.ts'
import type { MeetingSummary } from './meeting-types.ts'

// A meeting moved onto a date on which its ward already has another is, as a second meeting
// scheduled on one date (server/modules/meetings/schedule-meetings.ts), usually a slip: the
// coordinator is asked before the change is saved.

/** The ward's other meeting on the date typed for `meeting`, if its date changes onto one. */
export function sameDateMeeting<M extends Pick<MeetingSummary, 'id' | 'ward' | 'heldOn'>>(
  meeting: { id: string; ward: string; heldOn: string },
  typedHeldOn: string,
  others: M[],
): M | undefined {
  const heldOn = typedDate(typedHeldOn)
  if (!heldOn || heldOn === meeting.heldOn) return undefined
  return others.find((m) => m.id !== meeting.id && m.ward === meeting.ward && m.heldOn === heldOn)
}

/** The question shown before the change is saved. */
export function sameDateMessage(other: Pick<MeetingSummary, 'heldOn' | 'meetingNo' | 'wardName'>): string {
  return `${meetingDateText(other.heldOn)}には、この区の会議（${meetingNoText(other.meetingNo, other.wardName)}）が既に予定されています。この会議を同じ日に移す場合は、確認してください。`
}
