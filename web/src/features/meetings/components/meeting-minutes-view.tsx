import { useState } from 'react'
import { labelOf, MEETING_STATUSES, REVIEW_KINDS } from '#shared/codes.ts'
import { formatInstant } from '#shared/dates.ts'
import { buttonClass } from '#web/components/ui/button.tsx'
import { CheckboxField } from '#web/components/ui/choice-group.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { minutesDownload } from '../api/minutes-download.ts'
import { meetingDateText, meetingWhenText } from '../meeting-format.ts'
import type { MeetingDetail } from '../meeting-types.ts'
import { agendaKindText } from './agenda-case-facts.tsx'
import { DecisionView } from './decision-view.tsx'
import { MinutesPrintFrame } from './minutes-print-frame.tsx'
import '../meeting-minutes-print.css'

/**
 * 議事録: the meeting's facts, who was present, each case's decision and the general notes,
 * laid out to print on A4. Names are left off unless asked for, since minutes travel on paper.
 */
export function MeetingMinutesView({ meeting }: { meeting: MeetingDetail }) {
  const [showNames, setShowNames] = useState(false)
  const download = minutesDownload(meeting.id, meeting.meetingNo)
  const present = meeting.attendees.filter((a) => a.attended)
  const absent = meeting.attendees.filter((a) => !a.attended)
  const count = (kind: 'new' | 'continuing') => meeting.agenda.filter((a) => a.kind === kind).length
  const decided = meeting.agenda.filter((a) => a.decision).length

  return (
    <div className="minutes-print-root flex flex-col gap-10">
      <div className="flex flex-col gap-4 print:hidden">
        <ul aria-label="議事録の出力" className="flex flex-wrap gap-4">
          <li>
            <button type="button" className={buttonClass('primary')} onClick={() => window.print()}>
              印刷する（A4）
            </button>
          </li>
          <li>
            <a href={download.href} download={download.fileName} className={buttonClass('secondary')}>
              Excelでダウンロード
            </a>
          </li>
        </ul>
        <CheckboxField
          id="minutes-show-names"
          label="氏名を表示する"
          support="議事録は紙で回覧されることがあるため、通常は氏名を載せずケース番号で記録します。"
          checked={showNames}
          onCheckedChange={setShowNames}
        />
      </div>

      <section aria-labelledby="minutes-facts">
        <h2 id="minutes-facts" className="mb-4 text-std-24B-150">
          会議の概要
        </h2>
        <DescriptionList
          items={[
            { term: '会議名', value: `${meeting.wardName} ひきこもり支援調整会議` },
            { term: '会議番号', value: meeting.meetingNo },
            { term: '日時', value: meetingWhenText(meeting.heldOn, meeting.startTime) },
            { term: '場所', value: meeting.place ?? '' },
            { term: '議長', value: meeting.chair ?? '' },
            { term: '状態', value: labelOf(MEETING_STATUSES, meeting.status) },
            {
              term: '検討ケース',
              value: `${meeting.agenda.length}件（${labelOf(REVIEW_KINDS, 'new')} ${count('new')}件・${labelOf(REVIEW_KINDS, 'continuing')} ${count('continuing')}件、決定 ${decided}件）`,
            },
          ]}
        />
      </section>

      <section aria-labelledby="minutes-attendees">
        <h2 id="minutes-attendees" className="mb-4 text-std-24B-150">
          出席者
        </h2>
        {present.length === 0 ? (
          <p className="text-std-16N-170">出席の記録はありません。</p>
        ) : (
          <ul className="list-disc pl-6 text-std-16N-170">
            {present.map((a) => (
              <li key={a.unitId}>{a.name}</li>
            ))}
          </ul>
        )}
        {absent.length > 0 && (
          <p className="mt-2 text-std-16N-170">欠席（招待のみ）：{absent.map((a) => a.name).join('、')}</p>
        )}
      </section>

      <section aria-labelledby="minutes-cases">
        <h2 id="minutes-cases" className="mb-4 text-std-24B-150">
          検討ケースと決定
        </h2>
        {meeting.agenda.length === 0 && <p className="text-std-16N-170">検討ケースはありません。</p>}
        <div className="flex flex-col gap-8">
          {meeting.agenda.map((item, i) => (
            <section
              key={item.caseId}
              aria-labelledby={`minutes-case-${item.caseId}`}
              className="minutes-case"
            >
              <h3 id={`minutes-case-${item.caseId}`} className="mb-2 text-std-20B-150">
                {i + 1}. {item.caseNo}
                {showNames && item.name ? `（${item.name}）` : ''}　{agendaKindText(item)}
              </h3>
              {item.decision ? (
                <DecisionView decision={item.decision} />
              ) : (
                <p className="text-std-16N-170">決定は記録されていません。</p>
              )}
            </section>
          ))}
        </div>
      </section>

      <section aria-labelledby="minutes-note">
        <h2 id="minutes-note" className="mb-4 text-std-24B-150">
          会議全体の記録
        </h2>
        <p className="whitespace-pre-wrap text-std-16N-170">{meeting.minutesNote ?? '記録はありません。'}</p>
      </section>

      <p className="text-std-16N-170 text-solid-gray-800">最終更新：{formatInstant(meeting.updatedAt)}</p>
      <MinutesPrintFrame
        title={`議事録　${meeting.wardName} 支援調整会議 ${meetingDateText(meeting.heldOn)}`}
      />
    </div>
  )
}
