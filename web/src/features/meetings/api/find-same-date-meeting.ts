import { listMeetings } from '#shared/contracts/meetings.ts'
import { tokyoDate } from '#shared/dates.ts'
import { typedDate } from '#shared/typed-dates.ts'
import { callApi } from '#web/lib/api-client.ts'
import type { MeetingDetail, MeetingSummary } from '../meeting-types.ts'
import { sameDateMeeting } from '../same-date.ts'

const PAGE_SIZE = 200

/**
 * The ward's other meeting on the date typed for `meeting` (only when its date changes): read
 * from the meetings the coordinator lists, those still to come or those past, as the date is.
 */
export async function findSameDateMeeting(
  meeting: MeetingDetail,
  typedHeldOn: string,
): Promise<MeetingSummary | undefined> {
  const heldOn = typedDate(typedHeldOn)
  if (!heldOn || heldOn === meeting.heldOn) return undefined
  const when = heldOn >= tokyoDate(new Date()) ? 'upcoming' : 'past'
  for (let page = 1; ; page++) {
    const list = await callApi(listMeetings, { query: { when, page, pageSize: PAGE_SIZE } })
    const found = sameDateMeeting(meeting, typedHeldOn, list.items)
    if (found || page * PAGE_SIZE >= list.total) return found
  }
}
