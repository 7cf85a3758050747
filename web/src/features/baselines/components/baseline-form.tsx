import { type FormEvent, useState } from 'react'
import type { Baseline } from '#shared/contracts/interchange.ts'
import { Button } from '#web/components/ui/button.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useSaveBaseline } from '../api/save-baseline.ts'
import {
  type BaselineFormValues,
  fieldId,
  formValuesOf,
  labels,
  METRICS,
  type MetricKey,
  toBody,
} from '../baseline-values.ts'

/** Server messages onto the form's fields; `values.under40` keeps its metric. */
function serverErrors(error: unknown): FormErrors {
  if (!isApiError(error) || error.status !== 400 || !error.problem.errors?.length)
    return formErrorsFrom(error, [])
  const fields: Record<string, string> = {}
  const stray: string[] = []
  for (const e of error.problem.errors) {
    const field = e.field.replace(/^(body|params)\./, '')
    if (field in labels) fields[field] ??= e.message
    else stray.push(e.message)
  }
  return stray.length ? { fields, general: stray.join(' ') } : { fields }
}

/** Add a baseline, or correct one (its 名称 is its key, so it stays as it is). */
export function BaselineForm({
  editing,
  takenLabels,
  onDone,
  onCancel,
}: {
  editing?: Baseline | undefined
  takenLabels: readonly string[]
  onDone: (label: string) => void
  onCancel: () => void
}) {
  const [values, setValues] = useState<BaselineFormValues>(() => formValuesOf(editing))
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const save = useSaveBaseline()
  const set = (key: 'label' | 'from' | 'to') => (v: string) => setValues((s) => ({ ...s, [key]: v }))
  const setMetric = (key: MetricKey) => (v: string) =>
    setValues((s) => ({ ...s, values: { ...s.values, [key]: v } }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const { body, errors: found } = toBody(values, editing ? [] : takenLabels)
    setErrors(found)
    if (Object.keys(found.fields).length > 0) return
    const label = editing?.label ?? values.label.trim()
    save.mutate(
      { label, body },
      { onSuccess: () => onDone(label), onError: (error) => setErrors(serverErrors(error)) },
    )
  }

  const title = editing ? `「${editing.label}」を編集` : '比較基準を追加'
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-labelledby="baseline-form-title"
      className="flex max-w-3xl flex-col gap-6"
    >
      <h2 id="baseline-form-title" className="text-std-24B-150">
        {title}
      </h2>
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, fieldId)} />
      {editing ? (
        <p className="text-std-16N-170">
          <span className="text-std-17B-170">名称：</span>
          {editing.label}
        </p>
      ) : (
        <TextField
          id="label"
          label={labels.label}
          required
          support="レポートの表2の見出しになります。例：令和元年度"
          widthClass="w-full max-w-sm"
          value={values.label}
          onValueChange={set('label')}
          error={errors.fields.label}
        />
      )}
      <div className="grid gap-6 md:grid-cols-2">
        <DateField
          id="from"
          label={labels.from}
          required
          support="例：2019/4/1"
          value={values.from}
          onValueChange={set('from')}
          error={errors.fields.from}
        />
        <DateField
          id="to"
          label={labels.to}
          required
          support="例：2020/3/31（この日を含みます）"
          value={values.to}
          onValueChange={set('to')}
          error={errors.fields.to}
        />
      </div>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-std-17B-170">本人の年齢区分別の相談件数</legend>
        <p className="text-std-16N-170 text-solid-gray-700">
          集計していない区分は空欄にしてください。レポートでは「—」と表示します。
        </p>
        <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {METRICS.map((m) => {
            const field = `values.${m.key}`
            return (
              <TextField
                key={m.key}
                id={fieldId(field)}
                label={m.label}
                inputMode="numeric"
                autoComplete="off"
                widthClass="w-32"
                value={values.values[m.key]}
                onValueChange={setMetric(m.key)}
                error={errors.fields[field]}
                after={<span className="text-std-16N-170">件</span>}
              />
            )
          })}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? '保存しています…' : '保存する'}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={save.isPending}>
          キャンセル
        </Button>
      </div>
    </form>
  )
}
