import { type FormEvent, useState } from 'react'
import { OTHER_LABEL, type Survey } from '#shared/contracts/surveys.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxGroup, RadioGroup } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useAddPaperResponse } from '../api/change-surveys.ts'

interface Answer {
  /** Indexes into the question's options (その他 last), as the controls' values. */
  chosen: string[]
  text: string
}

const NONE = 'none'

/**
 * 紙の回答の入力: staff type in one paper questionnaire; it is stored marked 紙 and numbered
 * P-0001…. Controls use the options' positions as values so ids stay plain.
 */
export function PaperAnswerForm({
  survey,
  onDone,
}: {
  survey: Survey
  onDone: (respondentNo: string) => void
}) {
  const idOf = (field: string) => `paper-${field.replaceAll('.', '-')}`
  const [answeredOn, setAnsweredOn] = useState('')
  const [answers, setAnswers] = useState<Record<number, Answer>>({})
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const add = useAddPaperResponse(survey.id)
  const labels: Record<string, string> = {
    answeredOn: '回答日',
    ...Object.fromEntries(survey.questions.map((q) => [`answers.${q.no}`, `設問${q.no}`])),
  }
  const answerOf = (no: number): Answer => answers[no] ?? { chosen: [], text: '' }
  const setAnswer = (no: number, patch: Partial<Answer>) =>
    setAnswers((a) => ({ ...a, [no]: { ...answerOf(no), ...patch } }))
  const optionsOf = (q: Survey['questions'][number]) =>
    q.allowOther ? [...q.options, OTHER_LABEL] : q.options

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    const body = {
      answeredOn,
      answers: survey.questions.map((q) => {
        const a = answerOf(q.no)
        const options = optionsOf(q)
        return {
          questionNo: q.no,
          choices: a.chosen.filter((c) => c !== NONE).map((c) => options[Number(c)]!),
          text: a.text.trim() || null,
        }
      }),
    }
    add.mutate(body, {
      onSuccess: (saved) => {
        setAnswers({})
        onDone(saved.respondentNo)
      },
      onError: (error) => setErrors(formErrorsFrom(error, Object.keys(labels))),
    })
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <DateField
        id={idOf('answeredOn')}
        label="回答日"
        required
        support="用紙の日付、分からなければ届いた日"
        value={answeredOn}
        onValueChange={setAnsweredOn}
        error={errors.fields.answeredOn}
      />
      {survey.questions.map((q) => {
        const a = answerOf(q.no)
        const field = `answers.${q.no}`
        const legend = `設問${q.no}　${q.question}`
        if (q.kind === 'text')
          return (
            <TextareaField
              key={q.no}
              id={idOf(field)}
              label={legend}
              required={q.required}
              rows={3}
              maxLength={4000}
              value={a.text}
              onValueChange={(text) => setAnswer(q.no, { text })}
              error={errors.fields[field]}
            />
          )
        const choices = optionsOf(q).map((label, i) => ({ value: String(i), label }))
        const otherChosen = q.allowOther && a.chosen.includes(String(q.options.length))
        return (
          <div key={q.no} className="flex flex-col gap-2">
            {q.kind === 'multiple' ? (
              <CheckboxGroup
                id={idOf(field)}
                legend={legend}
                required={q.required}
                support="あてはまるものをすべて"
                choices={choices}
                values={a.chosen}
                onValuesChange={(chosen) => setAnswer(q.no, { chosen })}
                error={errors.fields[field]}
              />
            ) : (
              <RadioGroup
                id={idOf(field)}
                legend={legend}
                required={q.required}
                choices={[...choices, { value: NONE, label: '無回答' }]}
                value={a.chosen[0] ?? NONE}
                onValueChange={(v) => setAnswer(q.no, { chosen: [v] })}
                error={errors.fields[field]}
              />
            )}
            {otherChosen && (
              <TextField
                id={idOf(`${field}.other`)}
                label={`設問${q.no}の「その他」の内容`}
                maxLength={4000}
                autoComplete="off"
                value={a.text}
                onValueChange={(text) => setAnswer(q.no, { text })}
              />
            )}
          </div>
        )
      })}
      <div>
        <Button type="submit" disabled={add.isPending}>
          紙の回答を登録する
        </Button>
      </div>
    </form>
  )
}
