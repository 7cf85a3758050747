import { type FormEvent, useState } from 'react'
import { QUESTION_KINDS, SURVEY_AUDIENCES } from '#shared/codes.ts'
import type { Survey } from '#shared/contracts/surveys.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxGroup } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { useCreateSurvey, useUpdateSurvey } from '../api/change-surveys.ts'
import { emptyQuestion, type QuestionValues, surveyBody, surveyValuesOf } from '../survey-form-values.ts'

const LABELS = {
  title: 'タイトル',
  audience: '対象',
  periodFrom: '実施期間（開始）',
  periodTo: '実施期間（終了）',
  introduction: 'はじめに（回答者へのご案内）',
  targetCount: '配布数',
  questions: '設問',
} as const

const questionLabels = (count: number) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      [`questions.${i}.question`, `設問${i + 1}の設問文`],
      [`questions.${i}.kind`, `設問${i + 1}の形式`],
      [`questions.${i}.options`, `設問${i + 1}の選択肢`],
      [`questions.${i}.allowOther`, `設問${i + 1}の「その他」`],
    ]).flat(),
  ) as Record<string, string>

/**
 * アンケートの作成・編集 (headquarters). Questions in order, options one a line; the server checks
 * the rules (two options or more, five steps for a scale, no options on free text) and its
 * messages show under each control and in the summary. A survey with responses shows no form:
 * its page offers a copy instead.
 */
export function SurveyBuilder({
  survey,
  onDone,
  onCancel,
}: {
  survey?: Survey
  onDone: (saved: Survey) => void
  onCancel: () => void
}) {
  const prefix = survey ? `survey-${survey.id}-` : 'survey-new-'
  const idOf = (field: string) => `${prefix}${field.replaceAll('.', '-')}`
  const [values, setValues] = useState(() => surveyValuesOf(survey))
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const create = useCreateSurvey()
  const update = useUpdateSurvey(survey?.id ?? '')
  const pending = create.isPending || update.isPending
  const labels = { ...LABELS, ...questionLabels(values.questions.length) }
  const set = (key: keyof typeof LABELS) => (value: string) => setValues((v) => ({ ...v, [key]: value }))
  const setQuestion = (i: number, patch: Partial<QuestionValues>) =>
    setValues((v) => ({ ...v, questions: v.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) }))
  const move = (i: number, by: number) =>
    setValues((v) => {
      const qs = [...v.questions]
      const [q] = qs.splice(i, 1)
      qs.splice(i + by, 0, q!)
      return { ...v, questions: qs }
    })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    const onError = (error: unknown) => setErrors(formErrorsFrom(error, Object.keys(labels)))
    if (survey) update.mutate(surveyBody(values), { onSuccess: onDone, onError })
    else create.mutate(surveyBody(values), { onSuccess: onDone, onError })
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <TextField
        id={idOf('title')}
        label={LABELS.title}
        required
        maxLength={200}
        autoComplete="off"
        value={values.title}
        onValueChange={set('title')}
        error={errors.fields.title}
      />
      <SelectField
        id={idOf('audience')}
        label={LABELS.audience}
        required
        options={optionsOf(SURVEY_AUDIENCES)}
        value={values.audience}
        onValueChange={set('audience')}
        error={errors.fields.audience}
      />
      <div className="flex flex-wrap gap-6">
        <DateField
          id={idOf('periodFrom')}
          label={LABELS.periodFrom}
          value={values.periodFrom}
          onValueChange={set('periodFrom')}
          error={errors.fields.periodFrom}
        />
        <DateField
          id={idOf('periodTo')}
          label={LABELS.periodTo}
          value={values.periodTo}
          onValueChange={set('periodTo')}
          error={errors.fields.periodTo}
        />
      </div>
      <TextField
        id={idOf('targetCount')}
        label={LABELS.targetCount}
        support="回答率の分母になります。分からなければ空欄のままにしてください。"
        inputMode="numeric"
        widthClass="w-32"
        autoComplete="off"
        value={values.targetCount}
        onValueChange={set('targetCount')}
        error={errors.fields.targetCount}
      />
      <CheckboxGroup
        id={idOf('linkToCase')}
        legend="回答用リンクの回答"
        support="対象リストへの回答用リンクで答えた方が同意したときだけ、回答をその方のケースに結び付けます。選ばなければ回答はすべて匿名です。"
        choices={[{ value: 'linkToCase', label: '同意した方の回答をケースに結び付ける' }]}
        values={values.linkToCase ? ['linkToCase'] : []}
        onValuesChange={(vs) => setValues((v) => ({ ...v, linkToCase: vs.includes('linkToCase') }))}
        error={errors.fields.linkToCase}
      />
      <TextareaField
        id={idOf('introduction')}
        label={LABELS.introduction}
        maxLength={4000}
        rows={4}
        value={values.introduction}
        onValueChange={set('introduction')}
        error={errors.fields.introduction}
      />
      <fieldset className="flex flex-col gap-6">
        <legend className="mb-2 text-std-20B-150">設問</legend>
        {errors.fields.questions && (
          <p id={idOf('questions')} className="text-std-16N-170 text-error-1">
            {errors.fields.questions}
          </p>
        )}
        {values.questions.map((q, i) => {
          const at = `questions.${i}`
          const choice = q.kind === 'single' || q.kind === 'multiple'
          return (
            <section
              key={q.uid}
              aria-labelledby={idOf(`${at}.heading`)}
              className="rounded-8 border border-solid-gray-300 p-4"
            >
              <h3 id={idOf(`${at}.heading`)} className="mb-4 text-std-18B-160">
                設問{i + 1}
              </h3>
              <div className="flex flex-col gap-4">
                <TextareaField
                  id={idOf(`${at}.question`)}
                  label="設問文"
                  required
                  maxLength={500}
                  rows={2}
                  value={q.question}
                  onValueChange={(v) => setQuestion(i, { question: v })}
                  error={errors.fields[`${at}.question`]}
                />
                <SelectField
                  id={idOf(`${at}.kind`)}
                  label="形式"
                  required
                  options={optionsOf(QUESTION_KINDS)}
                  value={q.kind}
                  onValueChange={(v) => setQuestion(i, { kind: v })}
                  error={errors.fields[`${at}.kind`]}
                />
                {q.kind !== 'text' && (
                  <TextareaField
                    id={idOf(`${at}.options`)}
                    label="選択肢"
                    support={
                      q.kind === 'scale'
                        ? '1行に1つ、5つ入力します。空欄なら「満足」から「不満」までの5段階になります。'
                        : '1行に1つ、表示する順に入力してください。'
                    }
                    rows={5}
                    value={q.options}
                    onValueChange={(v) => setQuestion(i, { options: v })}
                    error={errors.fields[`${at}.options`]}
                  />
                )}
                <CheckboxGroup
                  id={idOf(`${at}.allowOther`)}
                  legend="設定"
                  choices={[
                    { value: 'required', label: '回答を必須にする' },
                    ...(choice ? [{ value: 'allowOther', label: '最後に「その他（自由記述）」を置く' }] : []),
                  ]}
                  values={[
                    ...(q.required ? ['required'] : []),
                    ...(choice && q.allowOther ? ['allowOther'] : []),
                  ]}
                  onValuesChange={(vs) =>
                    setQuestion(i, {
                      required: vs.includes('required'),
                      allowOther: vs.includes('allowOther'),
                    })
                  }
                  error={errors.fields[`${at}.allowOther`]}
                />
                <div className="flex flex-wrap gap-2">
                  <Button
                    type="button"
                    variant="tertiary"
                    size="sm"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    設問{i + 1}を上へ
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    size="sm"
                    disabled={i === values.questions.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    設問{i + 1}を下へ
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    size="sm"
                    disabled={values.questions.length === 1}
                    onClick={() =>
                      setValues((v) => ({ ...v, questions: v.questions.filter((_, j) => j !== i) }))
                    }
                  >
                    設問{i + 1}を削除
                  </Button>
                </div>
              </div>
            </section>
          )
        })}
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => setValues((v) => ({ ...v, questions: [...v.questions, emptyQuestion()] }))}
          >
            設問を追加する
          </Button>
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={pending}>
          {survey ? '変更を保存する' : 'アンケートを作成する'}
        </Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          キャンセル
        </Button>
      </div>
    </form>
  )
}
