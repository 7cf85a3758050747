import { type FormEvent, useState } from 'react'
import { CARE_KINDS, PHONE_LABELS } from '#shared/codes.ts'
import type { Person } from '#shared/contracts/people.ts'
import { CautionFields, PersonFields } from '#web/components/person-fields.tsx'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxField, CheckboxGroup } from '#web/components/ui/choice-group.tsx'
import { ErrorSummary, type SummaryError } from '#web/components/ui/error-summary.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { PERSON_FIELD_LABELS as L } from '#web/lib/person-labels.ts'
import { useAddPerson, useUpdatePerson } from '../api/change-people.ts'
import {
  changedPersonBody,
  checkPerson,
  emptyPersonValues,
  emptyPhone,
  type PersonFormValues,
  personBody,
  valuesFromPerson,
} from '../person-form-values.ts'

// The person form's own wording where the shared fields' labels would be too short here.
const LABELS = {
  ...L,
  livesWith: `本人と${L.livesWith}`,
  keepFromPerson: `${L.keepFromPerson}（本人に知られないように連絡する）`,
}
const SUPPORT = { kana: 'ひらがなかカタカナ', age: '分かる範囲で（推定でも可）' }

/** Field errors of a failed save, a phone's kept under its own row (`phones.1.number` → `phones.1`). */
function errorsFrom(error: unknown): FormErrors {
  const errors = formErrorsFrom(error, Object.keys(L))
  if (!isApiError(error)) return errors
  for (const e of error.problem.errors ?? []) {
    const row = /^phones\.(\d+)/.exec(e.field)
    if (row) errors.fields[`phones.${row[1]}`] ??= e.message
  }
  return errors
}

export interface PersonFormProps {
  caseId: string
  /** The person being changed; without it the form adds someone. */
  person?: Person
  onDone: (saved: Person) => void
  onCancel: () => void
}

/** 相談者・世帯員 の追加と変更: one form; a change sends only what changed, on the version shown. */
export function PersonForm({ caseId, person, onDone, onCancel }: PersonFormProps) {
  const prefix = person ? `person-${person.id}-` : 'person-new-'
  const idOf = (field: string) => `${prefix}${field.replace('.', '-')}`
  const [initial] = useState(() => (person ? valuesFromPerson(person) : emptyPersonValues()))
  const [values, setValues] = useState<PersonFormValues>(initial)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const add = useAddPerson(caseId)
  const update = useUpdatePerson(caseId, person?.id ?? '')
  const pending = add.isPending || update.isPending
  const set =
    <K extends keyof PersonFormValues>(key: K) =>
    (value: PersonFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }))
  const shared = {
    values,
    onValue: (key: keyof PersonFormValues, value: string) => setValues((v) => ({ ...v, [key]: value })),
    idOf: (key: string) => idOf(key),
    errorOf: (key: string) => errors.fields[key],
    labels: LABELS,
    support: SUPPORT,
  }
  const setPhone = (i: number, key: 'label' | 'number') => (value: string) =>
    setValues((v) => ({ ...v, phones: v.phones.map((p, j) => (j === i ? { ...p, [key]: value } : p)) }))

  const rowIds = values.phones.map((_, i) => `phones.${i}`)
  const summary: SummaryError[] = [
    ...summaryOf(errors, { relationship: L.relationship, name: L.name, kana: L.kana, age: L.age }, idOf),
    ...rowIds
      .filter((k) => errors.fields[k])
      .map((k) => ({
        targetId: idOf(`${k}-number`),
        message: `${L.phones}（${Number(k.split('.')[1]) + 1}件目）：${errors.fields[k]}`,
      })),
    ...summaryOf(
      errors,
      {
        phones: L.phones,
        mail: L.mail,
        address: L.address,
        bestTime: L.bestTime,
        mayNameCity: L.mayNameCity,
        mayLeaveMessage: L.mayLeaveMessage,
        keepFromPerson: L.keepFromPerson,
        care: L.care,
      },
      idOf,
    ).filter((e) => e.targetId !== idOf('phones') || !rowIds.some((k) => errors.fields[k])),
  ]

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const local = checkPerson(values)
    if (Object.keys(local).length > 0) return setErrors({ fields: local })
    setErrors(noErrors)
    const onError = (error: unknown) => setErrors(errorsFrom(error))
    if (!person) return add.mutate(personBody(values), { onSuccess: onDone, onError })
    const changes = changedPersonBody(initial, values)
    if (Object.keys(changes).length === 0)
      return setErrors({ fields: {}, general: '変更された項目がありません。' })
    update.mutate({ ...changes, version: person.version }, { onSuccess: onDone, onError })
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summary} />
      <PersonFields
        {...shared}
        relationshipRequired
        afterRelationship={
          <CheckboxField
            id={idOf('consulter')}
            label="相談者（この方から相談を受けた）"
            support="相談していない世帯員は、チェックを外してください。"
            checked={values.consulter}
            onCheckedChange={set('consulter')}
          />
        }
      />

      <fieldset
        className="flex flex-col gap-4"
        aria-describedby={errors.fields.phones ? idOf('phones-error') : undefined}
      >
        <legend className="mb-2 text-std-17B-170">
          {L.phones}
          <span className="ml-2 text-std-16N-170 text-solid-gray-700">任意</span>
        </legend>
        <p id={idOf('phones-support')} className="text-std-16N-170 text-solid-gray-700">
          ハイフン・空白・括弧を含めて、見たとおりに入力できます（例：075-123-4567、０７５（１２３）４５６７）。
        </p>
        {values.phones.map((phone, i) => {
          const row = `phones.${i}`
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <div key={i} className="flex flex-wrap items-end gap-4">
              <SelectField
                id={idOf(`${row}-label`)}
                label={`種別（${i + 1}件目）`}
                emptyLabel="指定なし"
                options={optionsOf(PHONE_LABELS)}
                value={phone.label}
                onValueChange={setPhone(i, 'label')}
              />
              <TextField
                id={idOf(`${row}-number`)}
                label={`番号（${i + 1}件目）`}
                inputMode="tel"
                autoComplete="off"
                widthClass="w-64"
                value={phone.number}
                onValueChange={setPhone(i, 'number')}
                error={errors.fields[row]}
              />
              {values.phones.length > 1 && (
                <Button
                  variant="tertiary"
                  size="sm"
                  onClick={() => setValues((v) => ({ ...v, phones: v.phones.filter((_, j) => j !== i) }))}
                >
                  削除<span className="sr-only">（{i + 1}件目の電話番号）</span>
                </Button>
              )}
            </div>
          )
        })}
        {errors.fields.phones && (
          <p id={idOf('phones-error')} className="text-std-16N-170 text-error-2">
            ＊{errors.fields.phones}
          </p>
        )}
        <div>
          <Button
            variant="secondary"
            size="sm"
            disabled={values.phones.length >= 10}
            onClick={() => setValues((v) => ({ ...v, phones: [...v.phones, emptyPhone()] }))}
          >
            電話番号を追加
          </Button>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-8 border-2 border-warning-yellow-2 p-4">
        <legend className="px-2 text-std-17B-170">連絡時の配慮</legend>
        <p className="text-std-16N-170">電話番号のそばに、番号より先に表示されます。</p>
        <CautionFields {...shared} />
        <TextField
          id={idOf('bestTime')}
          label={L.bestTime}
          support="例：平日18時以降"
          autoComplete="off"
          value={values.bestTime}
          onValueChange={set('bestTime')}
          error={errors.fields.bestTime}
        />
      </fieldset>

      <TextField
        id={idOf('mail')}
        label={L.mail}
        type="email"
        autoComplete="off"
        value={values.mail}
        onValueChange={set('mail')}
        error={errors.fields.mail}
      />
      <TextField
        id={idOf('address')}
        label={L.address}
        support="区名を含めると、区を自動で記録します。"
        autoComplete="off"
        value={values.address}
        onValueChange={set('address')}
        error={errors.fields.address}
      />
      <CheckboxGroup
        id={idOf('care')}
        legend={L.care}
        support="要介護、または関わっている支援機関（8050世帯の判定に使います）"
        choices={optionsOf(CARE_KINDS)}
        values={values.care}
        onValuesChange={set('care')}
        error={errors.fields.care}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? '保存しています…' : person ? '変更を保存する' : '追加する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
