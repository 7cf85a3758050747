import { useBlocker } from '@tanstack/react-router'
import { useCallback, useRef, useState } from 'react'
import { tokyoDate, tokyoTime } from '#shared/dates.ts'
import { Notice } from '#web/components/ui/notice.tsx'
import type { SelectGroup } from '#web/components/ui/select-field.tsx'
import { type DecisionValues, sameDecision, valuesFromDecision } from '../decision-form-values.ts'
import { meetingDateText } from '../meeting-format.ts'
import type { AgendaItem, Decision, Invitable, MeetingDetail } from '../meeting-types.ts'
import { AgendaCaseFacts } from './agenda-case-facts.tsx'
import { AgendaSection, AgendaToc, type CaseState, useOpenSections } from './agenda-disclosure.tsx'
import { DecisionForm } from './decision-form.tsx'
import { DecisionView } from './decision-view.tsx'

const PREFIX = 'run'

/** Each case's loaded decision as form values, kept until that decision changes (stable row keys). */
function useBaselines() {
  const cache = useRef(new Map<string, { decision: Decision | null; values: DecisionValues }>())
  return useCallback((item: AgendaItem): DecisionValues => {
    const hit = cache.current.get(item.caseId)
    if (hit && hit.decision === item.decision) return hit.values
    const values = valuesFromDecision(item.decision)
    cache.current.set(item.caseId, { decision: item.decision, values })
    return values
  }, [])
}

/**
 * 会議の進行: every agenda case with its facts and decision form, each in its own collapsible
 * section, with a table of contents that shows what is decided. Drafts of every case are kept
 * here, so saving one case never discards another's edits.
 */
export function RunMeeting({
  meeting,
  invitable,
  unitGroups,
}: {
  meeting: MeetingDetail
  invitable: Invitable | undefined
  unitGroups: SelectGroup[]
}) {
  const agenda = meeting.agenda
  const [drafts, setDrafts] = useState<Record<string, DecisionValues>>({})
  const [saved, setSaved] = useState<Record<string, string>>({})
  const sections = useOpenSections(agenda)
  const baselineOf = useBaselines()
  const today = tokyoDate(new Date())

  const stateOf = (item: AgendaItem): CaseState => {
    const draft = drafts[item.caseId]
    if (draft && !sameDecision(draft, baselineOf(item))) return 'unsaved'
    return item.decision ? 'decided' : 'undecided'
  }
  const unsavedCount = agenda.filter((item) => stateOf(item) === 'unsaved').length
  const decidedCount = agenda.filter((i) => i.decision).length

  useBlocker({
    shouldBlockFn: () =>
      unsavedCount > 0 && !window.confirm('保存していない決定があります。このページを離れますか？'),
    enableBeforeUnload: () => unsavedCount > 0,
  })

  if (agenda.length === 0) {
    return (
      <p className="text-std-16N-170">議題がまだありません。「議題」で、付議するケースを追加してください。</p>
    )
  }

  return (
    <div className="flex flex-col gap-6">
      {meeting.heldOn > today && (
        <Notice tone="info" title="決定は会議の当日から保存できます">
          会議の日（{meetingDateText(meeting.heldOn)}）より前は、決定を入力できますが保存はできません。
          入力した内容は、このページを開いている間だけ残ります。
        </Notice>
      )}
      <AgendaToc
        prefix={PREFIX}
        agenda={agenda}
        stateOf={stateOf}
        sections={sections}
        summary={`全${agenda.length}件のうち決定済 ${decidedCount}件${
          unsavedCount > 0 ? `、未保存の変更あり ${unsavedCount}件` : ''
        }`}
      />
      {agenda.map((item, i) => {
        const state = stateOf(item)
        return (
          <AgendaSection
            key={item.caseId}
            prefix={PREFIX}
            item={item}
            index={i}
            state={state}
            sections={sections}
          >
            <AgendaCaseFacts item={item} />
            {item.decision && (
              <div>
                <h4 className="mb-2 text-std-17B-170">記録済みの決定</h4>
                <DecisionView decision={item.decision} />
              </div>
            )}
            <div>
              <h4 className="mb-4 text-std-17B-170">{item.decision ? '決定を修正する' : '決定を記録する'}</h4>
              <DecisionForm
                meetingId={meeting.id}
                item={item}
                values={drafts[item.caseId] ?? baselineOf(item)}
                onValuesChange={(values) => setDrafts((d) => ({ ...d, [item.caseId]: values }))}
                invitable={invitable}
                unitGroups={unitGroups}
                onSaved={() => {
                  // The saved decision becomes the baseline; the form follows the server again.
                  setDrafts(({ [item.caseId]: _, ...rest }) => rest)
                  setSaved((s) => ({ ...s, [item.caseId]: tokyoTime(new Date()) }))
                }}
              />
              <p role="status" className="mt-4 text-std-16B-170 text-success-2">
                {saved[item.caseId] && state !== 'unsaved'
                  ? `${item.caseNo}の決定を保存しました（${saved[item.caseId]}）。`
                  : ''}
              </p>
            </div>
          </AgendaSection>
        )
      })}
    </div>
  )
}
