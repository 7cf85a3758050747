import { Link } from '@tanstack/react-router'
import { labelOf, REVIEW_KINDS } from '#shared/codes.ts'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { cssString } from '#web/lib/css-string.ts'
import { useMeeting } from '../api/get-meeting.ts'
import { useMeetingPapers } from '../api/get-meeting-papers.ts'
import { leadText, meetingDateText, meetingWhenText } from '../meeting-format.ts'
import type { AgendaItem, MeetingDetail } from '../meeting-types.ts'
import { AgendaCaseFacts, agendaKindText } from './agenda-case-facts.tsx'
import { AssignmentList } from './decision-view.tsx'
import '../meeting-papers-print.css'

/** Said at the end of every copy: the papers are handed out at the meeting and collected back. */
export const COLLECTED_LINE = 'この資料は会議の終了時に回収します。お持ち帰りにならないようお願いします。'

/** The 方針案 as the ward's copy shows it (agencies' copies never carry it). */
function DraftView({ item }: { item: AgendaItem }) {
  const d = item.draft
  if (!d) return <p className="text-std-16N-170">方針案はまだありません。</p>
  return (
    <DescriptionList
      items={[
        { term: '支援方針（案）', value: <span className="whitespace-pre-wrap">{d.policy ?? ''}</span> },
        {
          term: '主担当（案）',
          value: d.lead ? leadText({ ...d, lead: d.lead }) : '',
        },
        { term: '役割分担（案）', value: <AssignmentList assignments={d.assignments} /> },
        { term: '次回確認日（案）', value: d.nextReviewOn ? formatWareki(d.nextReviewOn) : '' },
      ]}
    />
  )
}

/** 次第: the order of the meeting, with the agenda's cases by number (no names on any copy). */
function Programme({
  meeting,
  agenda,
  count,
}: {
  meeting: MeetingDetail
  agenda: AgendaItem[]
  count: number
}) {
  const fresh = agenda.filter((a) => a.kind === 'new').length
  return (
    <section aria-labelledby="papers-programme" className="papers-block">
      <h2 id="papers-programme" className="mb-2 text-std-20B-150">
        次第
      </h2>
      <ol className="list-decimal pl-8 text-std-16N-170">
        <li>開会・守秘義務の確認</li>
        <li>
          検討ケース（{count}件{agenda.length > 0 ? `：新規 ${fresh}件・継続 ${agenda.length - fresh}件` : ''}
          ）
          {agenda.length > 0 && (
            <ol className="list-[lower-roman] pl-8">
              {agenda.map((a) => (
                <li key={a.caseId}>
                  {a.caseNo}（{labelOf(REVIEW_KINDS, a.kind)}）
                </li>
              ))}
            </ol>
          )}
        </li>
        <li>その他（次回の開催予定など）</li>
        <li>閉会・資料の回収</li>
      </ol>
      <p className="mt-2 text-std-16N-170">議長：{meeting.chair ?? '（未定）'}</p>
    </section>
  )
}

/**
 * 会議資料 / 次第 to print before the meeting, one copy per reader: the ward's (names, 方針案) or
 * an invited agency's, which the server fills with what that agency may read (no names; no cases
 * before one of its members acknowledged confidentiality). Numbered A4 pages with 取扱注意 in
 * every page's header (meeting-papers-print.css), and a last line saying the papers are collected.
 */
export function MeetingPapersPage({
  meetingId,
  audience,
  onAudienceChange,
}: {
  meetingId: string
  audience: string
  onAudienceChange: (value: string) => void
}) {
  const detail = useMeeting(meetingId)
  const papers = useMeetingPapers(meetingId, audience)

  if (detail.isPending) return <Loading what="会議資料" />
  if (detail.error) {
    return (
      <>
        <PageHeading title="会議資料を表示できません" />
        <QueryError error={detail.error} />
        <p className="mt-6">
          <Link to="/meetings">支援調整会議の一覧へ戻る</Link>
        </p>
      </>
    )
  }
  const meeting = detail.data
  const agencies = meeting.attendees.filter((a) => a.kind === 'agency')
  const title = `${meeting.wardName} 支援調整会議 会議資料 ${meetingDateText(meeting.heldOn)}`
  const css = `@media print { @page papers {
  @top-left { content: ${cssString(title)}; font-size: 9pt; color: #1a1a1a; }
  @top-right { content: "【取扱注意】"; font-size: 11pt; font-weight: bold; color: #1a1a1a; }
} }`
  const data = papers.data

  return (
    <div className="papers-print-root flex flex-col gap-8">
      <style>{css}</style>
      <p className="print:hidden">
        <Link to="/meetings/$meetingId" params={{ meetingId }}>
          会議のページへ戻る
        </Link>
      </p>
      <PageHeading title={`会議資料（次第）　${meeting.wardName} ひきこもり支援調整会議`} />
      <div className="flex flex-wrap items-end gap-6 print:hidden">
        <SelectField
          id="papers-for"
          label="配布先"
          support="関係機関の資料には氏名を載せません。守秘義務の確認が済むまで、検討ケースの資料は含みません。"
          options={[
            { value: 'ward', label: '保健福祉センター（区の職員用：氏名・方針案あり）' },
            ...agencies.map((a) => ({ value: a.unitId, label: `${a.name}（関係機関用）` })),
          ]}
          value={audience}
          onValueChange={onAudienceChange}
        />
        <Button onClick={() => window.print()}>印刷する</Button>
      </div>
      {papers.isPending && <Loading what="会議資料" />}
      {papers.error && <QueryError error={papers.error} />}
      {data && (
        <>
          <p className="papers-handling rounded-8 border-2 border-solid-gray-800 p-4 text-std-17B-170">
            【取扱注意】この資料には、支援会議（生活困窮者自立支援法）で検討する個人の情報が含まれます。会議の目的以外に利用・複写しないでください。
          </p>
          <DescriptionList
            items={[
              { term: '配布先', value: data.audience.name },
              { term: '日時', value: meetingWhenText(meeting.heldOn, meeting.startTime) },
              { term: '場所', value: meeting.place ?? '' },
              { term: '議長', value: meeting.chair ?? '' },
              {
                term: '出席予定',
                value: meeting.attendees.map((a) => a.name).join('、') || '（未登録）',
              },
            ]}
          />
          <Programme meeting={meeting} agenda={data.agenda} count={data.agendaCount} />
          {data.audience.kind === 'agency' && !data.audience.acknowledged && (
            <p className="rounded-8 border-l-8 border-warning-yellow-2 bg-yellow-50 p-4 text-std-16N-170">
              この機関の守秘義務の確認がまだ記録されていないため、検討ケース（{data.agendaCount}
              件）の資料は含みません。会議の冒頭で守秘義務を確認した後に、画面で閲覧できます。
            </p>
          )}
          {data.audience.kind === 'agency' && data.audience.acknowledged && data.agenda.length === 0 && (
            <p className="text-std-16N-170">
              この機関が閲覧できる期間を過ぎたため、検討ケースの資料は含みません。
            </p>
          )}
          {data.agenda.map((item) => (
            <section
              key={item.caseId}
              aria-labelledby={`papers-case-${item.caseId}`}
              className="papers-case flex flex-col gap-3"
            >
              <h2 id={`papers-case-${item.caseId}`} className="text-std-20B-150">
                検討ケース{item.position}　{item.caseNo}（{agendaKindText(item)}）
              </h2>
              <AgendaCaseFacts item={item} />
              {data.audience.kind === 'ward' && (
                <div>
                  <h3 className="mb-2 text-std-17B-170">方針案（事務局案・会議で確定します）</h3>
                  <DraftView item={item} />
                </div>
              )}
            </section>
          ))}
          <p className="papers-collected border-t-2 border-solid-gray-800 pt-4 text-std-17B-170">
            {COLLECTED_LINE}
          </p>
        </>
      )}
    </div>
  )
}
