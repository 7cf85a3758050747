import type { ResponseOf } from '#shared/contracts/define.ts'
import type { getInvitable } from '#shared/contracts/meetings.ts'

export type {
  AgendaItem,
  Candidate,
  CandidateElsewhere,
  CaseReview,
  Decision,
  DraftDecision,
  MeetingAttendee,
  MeetingDetail,
  MeetingSummary,
} from '#shared/contracts/meetings.ts'

/** Who may be invited to a meeting or named in its decisions. */
export type Invitable = ResponseOf<typeof getInvitable>
