import { type FormEvent, useEffect, useState } from 'react'
import { CASE_LEADS } from '#shared/codes.ts'
import { Button } from '#web/components/ui/button.tsx'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary, type SummaryError } from '#web/components/ui/error-summary.tsx'
import { SelectField, type SelectGroup } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { optionsOf } from '#web/lib/options.ts'
import { useRecordDecision } from '../api/record-decision.ts'
import { useSaveDraft } from '../api/save-draft.ts'
import {
  checkDecision,
  checkDraft,
  type DecisionErrors,
  type DecisionValues,
  decisionBody,
  decisionErrorsFrom,
  draftBody,
  newAssignmentRow,
  valuesFromDecision,
} from '../decision-form-values.ts'
import type { AgendaItem, Invitable } from '../meeting-types.ts'

const LABELS = {
  policy: '支援方針',
  lead: '主担当',
  leadUnitId: '主担当の課・室・機関',
  leadAccountId: '主担当のよりそい支援員',
  assignments: '役割分担',
  nextReviewOn: '次回確認日',
} as const

export interface DecisionFormProps {
  meetingId: string
  item: AgendaItem
  values: DecisionValues
  onValuesChange: (values: DecisionValues) => void
  invitable: Invitable | undefined
  /** Organisation units a task can go to, grouped (課・室, よりそい支援員, 関係機関). */
  unitGroups: SelectGroup[]
  /** From the meeting day on, the meeting's decision can be recorded; before it, only the 方針案. */
  canDecide: boolean
  onSaved: (what: 'decision' | 'draft') => void
}

/**
 * The decision on one agenda case. Its values live in the parent, so editing one case and
 * saving another never loses anything; each form saves only its own case.
 */
export function DecisionForm({
  meetingId,
  item,
  values,
  onValuesChange,
  invitable,
  unitGroups,
  canDecide,
  onSaved,
}: DecisionFormProps) {
  const prefix = `decision-${item.caseId}`
  const idOf = (field: string) => `${prefix}-${field}`
  const rowId = (key: string, field: string) => `${prefix}-row-${key}-${field}`
  const [errors, setErrors] = useState<{ fields: DecisionErrors; general?: string }>({ fields: {} })
  const [focusRow, setFocusRow] = useState<string | null>(null)
  const save = useRecordDecision(meetingId)
  const saveDraft = useSaveDraft(meetingId)
  const busy = save.isPending || saveDraft.isPending
  // A recorded decision is corrected as a decision; a 方針案 is only for cases not yet decided.
  const draftable = !item.decision
  const set = <K extends keyof DecisionValues>(key: K, value: DecisionValues[K]) =>
    onValuesChange({ ...values, [key]: value })

  // A new role row takes focus once it is on the page.
  useEffect(() => {
    if (focusRow) document.getElementById(`${prefix}-row-${focusRow}-unitId`)?.focus()
  }, [focusRow, prefix])

  const decide = () => {
    const local = checkDecision(values)
    if (Object.keys(local).length > 0) return setErrors({ fields: local })
    setErrors({ fields: {} })
    save.mutate(
      { caseId: item.caseId, body: decisionBody(values) },
      {
        onSuccess: () => onSaved('decision'),
        onError: (error) => setErrors(decisionErrorsFrom(error, values)),
      },
    )
  }

  const keepDraft = () => {
    const local = checkDraft(values)
    if (Object.keys(local).length > 0) return setErrors({ fields: local })
    setErrors({ fields: {} })
    saveDraft.mutate(
      { caseId: item.caseId, body: draftBody(values) },
      {
        onSuccess: () => onSaved('draft'),
        onError: (error) => setErrors(decisionErrorsFrom(error, values)),
      },
    )
  }

  // Enter in a field does what the first button says.
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    if (canDecide) decide()
    else if (draftable) keepDraft()
  }

  const summary: SummaryError[] = []
  for (const field of ['policy', 'lead', 'leadUnitId', 'leadAccountId', 'assignments'] as const) {
    const message = errors.fields[field]
    if (message)
      summary.push({
        targetId: idOf(field === 'assignments' ? 'add-row' : field),
        message: `${LABELS[field]}：${message}`,
      })
  }
  values.assignments.forEach((row, i) => {
    for (const field of ['unitId', 'task'] as const) {
      const message = errors.fields[`assignments.${row.key}.${field}`]
      if (message) summary.push({ targetId: rowId(row.key, field), message: `役割分担${i + 1}：${message}` })
    }
  })
  if (errors.fields.nextReviewOn) {
    summary.push({
      targetId: idOf('nextReviewOn'),
      message: `${LABELS.nextReviewOn}：${errors.fields.nextReviewOn}`,
    })
  }

  const leadUnitField =
    values.lead === 'ward_section' ? (
      <SelectField
        id={idOf('leadUnitId')}
        label="主担当の課・室"
        required
        emptyLabel="選択してください"
        options={(invitable?.sections ?? []).map((s) => ({ value: s.unitId, label: s.name }))}
        value={values.leadUnitId}
        onValueChange={(v) => set('leadUnitId', v)}
        error={errors.fields.leadUnitId}
      />
    ) : values.lead === 'specialist' ? (
      <SelectField
        id={idOf('leadUnitId')}
        label="主担当の専門機関・NPO等"
        required
        support="一覧にない機関は「出席者」の「関係機関を登録する」で登録できます。"
        emptyLabel="選択してください"
        options={(invitable?.agencies ?? []).map((a) => ({ value: a.unitId, label: a.name }))}
        value={values.leadUnitId}
        onValueChange={(v) => set('leadUnitId', v)}
        error={errors.fields.leadUnitId}
      />
    ) : values.lead === 'accompaniment' ? (
      <SelectField
        id={idOf('leadAccountId')}
        label="主担当のよりそい支援員"
        required
        emptyLabel="選択してください"
        options={(invitable?.accompanimentWorkers ?? []).map((w) => ({ value: w.accountId, label: w.name }))}
        value={values.leadAccountId}
        onValueChange={(v) => set('leadAccountId', v)}
        error={errors.fields.leadAccountId}
      />
    ) : null

  const previous = item.case.previousDecision

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summary} title="決定を保存できませんでした" />
      {previous && !item.decision && (
        <div>
          <Button variant="secondary" size="sm" onClick={() => onValuesChange(valuesFromDecision(previous))}>
            前回の決定を写す
          </Button>
        </div>
      )}
      <TextareaField
        id={idOf('policy')}
        label={LABELS.policy}
        rows={3}
        maxLength={2000}
        value={values.policy}
        onValueChange={(v) => set('policy', v)}
        error={errors.fields.policy}
      />
      <RadioGroup
        id={idOf('lead')}
        legend={LABELS.lead}
        required
        choices={optionsOf(CASE_LEADS)}
        value={values.lead}
        // Who leads depends on the kind of lead, so a new kind starts without one.
        onValueChange={(v) => onValuesChange({ ...values, lead: v, leadUnitId: '', leadAccountId: '' })}
        error={errors.fields.lead}
      />
      {leadUnitField}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-std-17B-170">
          {LABELS.assignments}
          <span className="ml-2 text-std-16N-170 text-solid-gray-700">任意</span>
        </legend>
        {errors.fields.assignments && (
          <p id={`${idOf('assignments')}-error`} className="text-std-16N-170 text-error-2">
            ＊{errors.fields.assignments}
          </p>
        )}
        {values.assignments.length === 0 && (
          <p className="text-std-16N-170 text-solid-gray-700">役割分担はまだありません。</p>
        )}
        <ol className="flex flex-col gap-4">
          {values.assignments.map((row, i) => (
            <li
              key={row.key}
              className="flex flex-wrap items-end gap-4 rounded-8 border border-solid-gray-300 p-4"
            >
              <SelectField
                id={rowId(row.key, 'unitId')}
                label={`役割分担${i + 1}の機関・課`}
                required
                emptyLabel="選択してください"
                groups={unitGroups}
                value={row.unitId}
                onValueChange={(v) =>
                  set(
                    'assignments',
                    values.assignments.map((a) => (a.key === row.key ? { ...a, unitId: v } : a)),
                  )
                }
                error={errors.fields[`assignments.${row.key}.unitId`]}
              />
              <TextField
                id={rowId(row.key, 'task')}
                label={`役割分担${i + 1}の役割`}
                required
                maxLength={500}
                autoComplete="off"
                value={row.task}
                onValueChange={(v) =>
                  set(
                    'assignments',
                    values.assignments.map((a) => (a.key === row.key ? { ...a, task: v } : a)),
                  )
                }
                error={errors.fields[`assignments.${row.key}.task`]}
              />
              <Button
                variant="tertiary"
                size="sm"
                aria-label={`役割分担${i + 1}を削除`}
                onClick={() => {
                  set(
                    'assignments',
                    values.assignments.filter((a) => a.key !== row.key),
                  )
                  document.getElementById(idOf('add-row'))?.focus()
                }}
              >
                削除
              </Button>
            </li>
          ))}
        </ol>
        <div>
          <Button
            id={idOf('add-row')}
            variant="secondary"
            size="sm"
            onClick={() => {
              const row = newAssignmentRow()
              set('assignments', [...values.assignments, row])
              setFocusRow(row.key)
            }}
          >
            役割分担を追加
          </Button>
        </div>
      </fieldset>
      <DateField
        id={idOf('nextReviewOn')}
        label={LABELS.nextReviewOn}
        value={values.nextReviewOn}
        onValueChange={(v) => set('nextReviewOn', v)}
        error={errors.fields.nextReviewOn}
        support="会議の日より後の日付を「2027/1/15」「R9.1.15」のように入力してください"
      />
      {/* Never disabled while saving: a disabled button would drop the keyboard focus. */}
      <div className="flex flex-wrap gap-4">
        {canDecide && (
          <Button type="submit" aria-disabled={busy || undefined}>
            {save.isPending ? '保存しています…' : `${item.caseNo}の決定を保存する`}
          </Button>
        )}
        {draftable && (
          <Button
            type={canDecide ? 'button' : 'submit'}
            variant={canDecide ? 'secondary' : 'primary'}
            aria-disabled={busy || undefined}
            onClick={
              canDecide
                ? () => {
                    if (!busy) keepDraft()
                  }
                : undefined
            }
          >
            {saveDraft.isPending ? '保存しています…' : `${item.caseNo}の方針案を保存する`}
          </Button>
        )}
      </div>
    </form>
  )
}
