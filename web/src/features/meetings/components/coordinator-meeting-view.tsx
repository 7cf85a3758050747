import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import type { SelectGroup } from '#web/components/ui/select-field.tsx'
import { useInvitable } from '../api/get-invitable.ts'
import type { Invitable, MeetingDetail } from '../meeting-types.ts'
import { AgendaCandidates } from './agenda-candidates.tsx'
import { AgendaOrder } from './agenda-order.tsx'
import { AttendeesPanel } from './attendees-panel.tsx'
import { MeetingOverview } from './meeting-overview.tsx'
import { MinutesNoteForm } from './minutes-note-form.tsx'
import { RunMeeting } from './run-meeting.tsx'

/** Organisation units a role can be assigned to, grouped as the select shows them. */
function unitGroupsOf(invitable: Invitable | undefined): SelectGroup[] {
  if (!invitable) return []
  const groups: SelectGroup[] = [
    {
      label: '保健福祉センター各課・室',
      options: invitable.sections.map((s) => ({ value: s.unitId, label: s.name })),
    },
  ]
  if (invitable.accompanimentTeam) {
    groups.push({
      label: 'よりそい支援員',
      options: [{ value: invitable.accompanimentTeam.unitId, label: invitable.accompanimentTeam.name }],
    })
  }
  groups.push({
    label: '関係機関',
    options: invitable.agencies.map((a) => ({ value: a.unitId, label: a.name })),
  })
  return groups.filter((g) => g.options.length > 0)
}

export function PageSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-12 scroll-mt-4">
      <h2 id={id} tabIndex={-1} className="mb-4 text-std-24B-150">
        {title}
      </h2>
      {children}
    </section>
  )
}

const PARTS = [
  { id: 'meeting-overview', title: '概要' },
  { id: 'meeting-attendees', title: '出席者' },
  { id: 'meeting-agenda', title: '議題' },
  { id: 'meeting-run', title: '会議の進行' },
] as const

/** The coordinator's one screen to prepare and run the meeting. */
export function CoordinatorMeetingView({
  meeting,
  onDone,
}: {
  meeting: MeetingDetail
  onDone: (message: string) => void
}) {
  const invitable = useInvitable(meeting.id, true)
  return (
    <>
      <nav aria-label="このページの内容" className="mb-10">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {PARTS.map((p) => (
            <li key={p.id}>
              <a href={`#${p.id}`}>{p.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <PageSection id="meeting-overview" title="概要">
        <MeetingOverview meeting={meeting} onDone={onDone} />
      </PageSection>
      <PageSection id="meeting-attendees" title="出席者">
        <p className="mb-4 max-w-3xl text-std-16N-170">
          招待した組織の関係機関の職員は、守秘義務を確認した後に、この会議の検討ケースを閲覧できます。会議の当日は、出席した組織に印を付けて保存してください。
        </p>
        <AttendeesPanel meeting={meeting} invitable={invitable.data} />
      </PageSection>
      <PageSection id="meeting-agenda" title="議題">
        <p className="mb-6 max-w-3xl text-std-16N-170">
          会議の前に、議題と各ケースの資料を{' '}
          <Link to="/meetings/$meetingId/papers" params={{ meetingId: meeting.id }}>
            会議資料（次第）として印刷
          </Link>{' '}
          できます。関係機関用の資料には氏名を載せません。
        </p>
        <div className="flex flex-col gap-10">
          <AgendaOrder meeting={meeting} />
          <AgendaCandidates meeting={meeting} />
        </div>
      </PageSection>
      <PageSection id="meeting-run" title="会議の進行">
        <div className="flex flex-col gap-10">
          <RunMeeting
            meeting={meeting}
            invitable={invitable.data}
            unitGroups={unitGroupsOf(invitable.data)}
          />
          <div>
            <h3 className="mb-4 text-std-20B-150">会議全体の記録</h3>
            <MinutesNoteForm meeting={meeting} />
          </div>
        </div>
      </PageSection>
    </>
  )
}
