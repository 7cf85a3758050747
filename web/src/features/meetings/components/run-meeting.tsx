import { useBlocker } from '@tanstack/react-router'
import { useCallback, useRef, useState } from 'react'
import { tokyoDate, tokyoTime } from '#shared/dates.ts'
import { Notice } from '#web/components/ui/notice.tsx'
import type { SelectGroup } from '#web/components/ui/select-field.tsx'
import {
  type DecisionValues,
  emptyDecisionValues,
  sameDecision,
  valuesFromDecision,
  valuesFromDraft,
} from '../decision-form-values.ts'
import { meetingDateText } from '../meeting-format.ts'
import type { AgendaItem, Decision, DraftDecision, Invitable, MeetingDetail } from '../meeting-types.ts'
import { AgendaCaseFacts } from './agenda-case-facts.tsx'
import { AgendaSection, AgendaToc, type CaseState, useOpenSections } from './agenda-disclosure.tsx'
import { DecisionForm } from './decision-form.tsx'
import { DecisionView } from './decision-view.tsx'

const PREFIX = 'run'

type Baseline = { decision: Decision | null; draft: DraftDecision | null; values: DecisionValues }

/**
 * Each case's loaded decision (or, before it, the saved 方針案) as form values, kept until either
 * changes (stable row keys).
 */
function useBaselines() {
  const cache = useRef(new Map<string, Baseline>())
  return useCallback((item: AgendaItem): DecisionValues => {
    const hit = cache.current.get(item.caseId)
    if (hit && hit.decision === item.decision && hit.draft === item.draft) return hit.values
    const values = item.decision
      ? valuesFromDecision(item.decision)
      : item.draft
        ? valuesFromDraft(item.draft)
        : emptyDecisionValues()
    cache.current.set(item.caseId, { decision: item.decision, draft: item.draft, values })
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
  const [saved, setSaved] = useState<Record<string, { what: 'decision' | 'draft'; at: string }>>({})
  const sections = useOpenSections(agenda)
  const baselineOf = useBaselines()
  const today = tokyoDate(new Date())

  const stateOf = (item: AgendaItem): CaseState => {
    const draft = drafts[item.caseId]
    if (draft && !sameDecision(draft, baselineOf(item))) return 'unsaved'
    return item.decision ? 'decided' : item.draft ? 'drafted' : 'undecided'
  }
  const unsavedCount = agenda.filter((item) => stateOf(item) === 'unsaved').length
  const decidedCount = agenda.filter((i) => i.decision).length
  const draftedCount = agenda.filter((i) => !i.decision && i.draft).length
  const canDecide = meeting.heldOn <= today

  useBlocker({
    shouldBlockFn: () =>
      unsavedCount > 0 && !window.confirm('保存していない決定・方針案があります。このページを離れますか？'),
    enableBeforeUnload: () => unsavedCount > 0,
  })

  if (agenda.length === 0) {
    return (
      <p className="text-std-16N-170">議題がまだありません。「議題」で、付議するケースを追加してください。</p>
    )
  }

  return (
    <div className="flex flex-col gap-6">
      {canDecide ? (
        <Notice tone="info" title="方針案を確認して、会議の決定を保存してください">
          事前に保存した方針案が入力されています。会議で確定した内容（変更があれば変更後の内容）を「決定を保存する」で保存すると、主担当・次回確認日・報告書に反映されます。
        </Notice>
      ) : (
        <Notice tone="info" title="会議の前は、方針案として保存できます">
          会議の日（{meetingDateText(meeting.heldOn)}
          ）より前は、各ケースの方針案（支援方針・主担当・役割分担・次回確認日の案）を保存できます。方針案は会議で決定として保存するまで、主担当・担当件数・報告書には反映されません。
        </Notice>
      )}
      <AgendaToc
        prefix={PREFIX}
        agenda={agenda}
        stateOf={stateOf}
        sections={sections}
        summary={`全${agenda.length}件のうち決定済 ${decidedCount}件、方針案あり ${draftedCount}件${
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
              <h4 className="mb-4 text-std-17B-170">
                {item.decision ? '決定を修正する' : canDecide ? '決定を記録する' : '方針案を作る'}
              </h4>
              <DecisionForm
                meetingId={meeting.id}
                item={item}
                values={drafts[item.caseId] ?? baselineOf(item)}
                onValuesChange={(values) => setDrafts((d) => ({ ...d, [item.caseId]: values }))}
                invitable={invitable}
                unitGroups={unitGroups}
                canDecide={canDecide}
                onSaved={(what) => {
                  // What was saved becomes the baseline; the form follows the server again.
                  setDrafts(({ [item.caseId]: _, ...rest }) => rest)
                  setSaved((s) => ({ ...s, [item.caseId]: { what, at: tokyoTime(new Date()) } }))
                }}
              />
              <p role="status" className="mt-4 text-std-16B-170 text-success-2">
                {saved[item.caseId] && state !== 'unsaved'
                  ? `${item.caseNo}の${saved[item.caseId]!.what === 'draft' ? '方針案' : '決定'}を保存しました（${saved[item.caseId]!.at}）。`
                  : ''}
              </p>
            </div>
          </AgendaSection>
        )
      })}
    </div>
  )
}
