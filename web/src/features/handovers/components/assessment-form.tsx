import { type FormEvent, useState } from 'react'
import { WARD_STATES } from '#shared/codes.ts'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { READY_NEEDS_ASSESSMENT } from '#shared/contracts/handovers.ts'
import { Button } from '#web/components/ui/button.tsx'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { useWriteAssessment } from '../api/write-assessment.ts'

const labels = { assessment: '追加アセスメント', wardState: '区の状況' } as const
const idOf = (field: string) => `ward-${field}`

/** 追加アセスメント: the ward's own assessment and whether the case is ready for the meeting. */
export function AssessmentForm({
  c,
  onDone,
  onCancel,
}: {
  c: CaseDetail
  onDone: () => void
  onCancel: () => void
}) {
  const [assessment, setAssessment] = useState(c.wardAssessment ?? '')
  const [wardState, setWardState] = useState<string>(c.wardState ?? 'assessing')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const write = useWriteAssessment(c.id)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (wardState === 'ready' && !assessment.trim()) {
      setErrors({ fields: { assessment: READY_NEEDS_ASSESSMENT } })
      return
    }
    setErrors(noErrors)
    write.mutate(
      { version: c.version, assessment, wardState: wardState as 'assessing' | 'ready' },
      { onSuccess: onDone, onError: (error) => setErrors(formErrorsFrom(error, Object.keys(labels))) },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <TextareaField
        id={idOf('assessment')}
        label={labels.assessment}
        support="区で確認したこと（本人・家族の状況、各課・関係機関からの情報、会議で検討したいことなど）。会議付議可にするときは必須です"
        rows={8}
        maxLength={4000}
        value={assessment}
        onValueChange={setAssessment}
        error={errors.fields.assessment}
      />
      <RadioGroup
        id={idOf('wardState')}
        legend={labels.wardState}
        required
        support="会議付議可にすると、支援調整会議の新規ケースの候補になります"
        choices={optionsOf(WARD_STATES)}
        value={wardState}
        onValueChange={setWardState}
        error={errors.fields.wardState}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={write.isPending}>
          {write.isPending ? '保存しています…' : '保存する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
