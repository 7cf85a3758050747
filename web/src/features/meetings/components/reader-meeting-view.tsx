import { formatInstant, formatWareki, tokyoDate } from '#shared/dates.ts'
import { Notice } from '#web/components/ui/notice.tsx'
import { agendaPeriodOver } from '../meeting-format.ts'
import type { MeetingDetail } from '../meeting-types.ts'
import { AcknowledgementForm } from './acknowledgement-form.tsx'
import { AgendaReadOnly } from './agenda-read-only.tsx'
import { AttendeeList } from './attendee-list.tsx'
import { PageSection } from './coordinator-meeting-view.tsx'
import { MeetingFacts } from './meeting-overview.tsx'

/**
 * The meeting for those who read it. Ward staff see the agenda at once; an agency member
 * sees it only after acknowledging confidentiality for this meeting, and only until
 * agendaVisibleUntil. The server decides: an agenda it does not send is never shown.
 */
export function ReaderMeetingView({ meeting }: { meeting: MeetingDetail }) {
  const { acknowledgement, access } = meeting
  const agency = acknowledgement.required
  const over = agendaPeriodOver(access.agendaVisibleUntil, tokyoDate(new Date()))

  let agenda = <AgendaReadOnly agenda={meeting.agenda} />
  if (agency && !access.canReadAgenda) {
    if (over) {
      agenda = (
        <Notice tone="info" title="検討ケースの閲覧期間は終了しました">
          この会議の検討ケースを閲覧できたのは
          {access.agendaVisibleUntil ? `${formatWareki(access.agendaVisibleUntil)}まで` : '会議後の一定期間'}
          です。引き続き情報が必要な場合は、区の寄り添い支援係長に相談してください。
        </Notice>
      )
    } else if (!acknowledgement.acknowledgedAt) {
      agenda = <AcknowledgementForm meetingId={meeting.id} wording={meeting.acknowledgement} />
    } else {
      agenda = (
        <Notice tone="warning" title="検討ケースを表示できません">
          この会議の検討ケースは、現在閲覧できません。区の寄り添い支援係長に確認してください。
        </Notice>
      )
    }
  }

  return (
    <>
      <PageSection id="meeting-overview" title="概要">
        <MeetingFacts meeting={meeting} />
      </PageSection>
      <PageSection id="meeting-attendees" title="出席者">
        <AttendeeList attendees={meeting.attendees} />
      </PageSection>
      {agency && !access.canReadAgenda && !over && !acknowledgement.acknowledgedAt ? (
        // The acknowledgement form carries its own h2.
        <div className="mb-12">{agenda}</div>
      ) : (
        <PageSection id="meeting-agenda" title="検討ケース">
          {agency && access.canReadAgenda && (
            <div className="mb-6">
              <Notice tone="info" title="守秘義務の対象です">
                {acknowledgement.acknowledgedAt &&
                  `守秘義務の確認：${formatInstant(acknowledgement.acknowledgedAt)}。`}
                {access.agendaVisibleUntil &&
                  `この会議の検討ケースは${formatWareki(access.agendaVisibleUntil)}まで閲覧できます。`}
                会議の目的以外に利用・提供しないでください。
              </Notice>
            </div>
          )}
          {agenda}
        </PageSection>
      )}
    </>
  )
}
