import { type FormEvent, useState } from 'react'
import { labelOf, SUPPORT_GOALS, type SupportGoal } from '#shared/codes.ts'
import type { SupportPlan } from '#shared/contracts/accompaniment.ts'
import { formatInstant } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxGroup } from '#web/components/ui/choice-group.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { useUpdateSupportPlan } from '../api/update-support-plan.ts'
import { PLAN_LABELS as L, supportErrorsFrom } from '../support-form-values.ts'

const idOf = (field: string) => `plan-${field}`

function PlanForm({
  plan,
  onDone,
  onCancel,
}: {
  plan: SupportPlan
  onDone: () => void
  onCancel: () => void
}) {
  const [goals, setGoals] = useState<string[]>(plan.goals)
  const [goalNote, setGoalNote] = useState(plan.goalNote ?? '')
  const [progressSummary, setProgressSummary] = useState(plan.progressSummary ?? '')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const save = useUpdateSupportPlan(plan.caseId)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    save.mutate(
      {
        goals: goals as SupportGoal[],
        goalNote: textOrNull(goalNote),
        progressSummary: textOrNull(progressSummary),
        version: plan.version,
      },
      { onSuccess: onDone, onError: (error) => setErrors(supportErrorsFrom(error, Object.keys(L))) },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, L, idOf)} />
      <CheckboxGroup
        id={idOf('goals')}
        legend={L.goals}
        support="当てはまるものをすべて選んでください"
        choices={optionsOf(SUPPORT_GOALS)}
        values={goals}
        onValuesChange={setGoals}
        error={errors.fields.goals}
      />
      <TextareaField
        id={idOf('goalNote')}
        label={L.goalNote}
        support="本人にとっての目標の意味や、具体的な目安"
        rows={3}
        maxLength={2000}
        value={goalNote}
        onValueChange={setGoalNote}
        error={errors.fields.goalNote}
      />
      <TextareaField
        id={idOf('progressSummary')}
        label={L.progressSummary}
        support="次回の支援調整会議で、このケースの経過として示されます（関係機関にも示されます）"
        rows={6}
        maxLength={4000}
        value={progressSummary}
        onValueChange={setProgressSummary}
        error={errors.fields.progressSummary}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? '保存しています…' : '支援計画を保存する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}

/** The plan read-only, with an edit form for those who may write. */
export function SupportPlanSection({
  caseId,
  plan,
  onSaved,
}: {
  caseId: string
  plan: SupportPlan
  onSaved: (message: string) => void
}) {
  const [editing, setEditing] = useState(false)
  return (
    <section aria-labelledby={`${caseId}-plan`}>
      <h3 id={`${caseId}-plan`} className="mb-4 text-std-20B-150">
        支援計画
      </h3>
      {editing ? (
        <PlanForm
          plan={plan}
          onDone={() => {
            setEditing(false)
            onSaved('支援計画を保存しました。')
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <DescriptionList
            items={[
              { term: L.goals, value: plan.goals.map((g) => labelOf(SUPPORT_GOALS, g)).join('、') },
              {
                term: L.goalNote,
                value: plan.goalNote ? <span className="whitespace-pre-wrap">{plan.goalNote}</span> : null,
              },
              {
                term: L.progressSummary,
                value: plan.progressSummary ? (
                  <span className="whitespace-pre-wrap">{plan.progressSummary}</span>
                ) : null,
              },
              {
                term: '最終更新',
                value: plan.updatedAt
                  ? `${formatInstant(plan.updatedAt)}${plan.updatedByName ? `（${plan.updatedByName}）` : ''}`
                  : null,
              },
            ]}
          />
          {plan.canWrite && (
            <Button variant="secondary" className="mt-4" onClick={() => setEditing(true)}>
              {plan.version === 0 ? '支援計画を作成' : '支援計画を編集'}
            </Button>
          )}
        </>
      )}
    </section>
  )
}
