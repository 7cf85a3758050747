import { CONTACT_METHODS } from '#shared/codes.ts'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { optionsOf } from '#web/lib/options.ts'
import { type FirstContactValues, FIRST_CONTACT_LABELS as L } from '../first-contact-values.ts'
import type { FieldsetProps } from './fieldset-props.ts'

type Key = keyof FirstContactValues
const id = (key: Key) => `firstContact.${key}` as const

/** A date with its optional time beside it: when the call was, or when the next step is due. */
function DateTimeRow({
  date,
  time,
  dateSupport,
  values,
  set,
  errors,
}: {
  date: Key
  time: Key
  dateSupport: string
  values: FirstContactValues
  set: (key: Key) => (value: string) => void
  errors: Record<string, string>
}) {
  return (
    <div className="flex flex-wrap gap-8">
      <DateField
        id={id(date)}
        label={L[id(date)]}
        support={dateSupport}
        value={values[date]}
        onValueChange={set(date)}
        error={errors[id(date)]}
      />
      <TextField
        id={id(time)}
        label={L[id(time)]}
        support="24時間制（例：14:05）"
        inputMode="numeric"
        widthClass="w-28"
        autoComplete="off"
        value={values[time]}
        onValueChange={set(time)}
        error={errors[id(time)]}
      />
    </div>
  )
}

/**
 * The conversation that opened the case (受付時の対応), saved with the case as its first contact,
 * so that it counts in 表3 without being typed again. Its 対象 follows from 相談者 above.
 */
export function FirstContactFieldset({ values, onChange, errors }: FieldsetProps<FirstContactValues>) {
  const set = (key: Key) => (value: string) => onChange({ ...values, [key]: value })
  const rowProps = { values, set, errors }

  return (
    <fieldset className="flex flex-col gap-6">
      <legend className="mb-4 text-std-24B-150">受付時の対応</legend>
      <p className="text-std-16N-170 text-solid-gray-800">
        この相談を最初の対応記録として一緒に登録します。対象は「相談者」から決まります。
      </p>
      <DateTimeRow
        date="contactedOn"
        time="time"
        dateSupport="空欄のときは受付日。「2026/12/1」「R8.12.1」のようにも入力できます"
        {...rowProps}
      />
      <RadioGroup
        id={id('method')}
        legend={L['firstContact.method']}
        required
        choices={optionsOf(CONTACT_METHODS)}
        value={values.method}
        onValueChange={set('method')}
        error={errors['firstContact.method']}
      />
      <TextField
        id={id('minutes')}
        label={L['firstContact.minutes']}
        inputMode="numeric"
        widthClass="w-28"
        autoComplete="off"
        value={values.minutes}
        onValueChange={set('minutes')}
        error={errors['firstContact.minutes']}
      />
      <TextareaField
        id={id('summary')}
        label={L['firstContact.summary']}
        rows={6}
        maxLength={4000}
        value={values.summary}
        onValueChange={set('summary')}
        error={errors['firstContact.summary']}
      />
      <TextareaField
        id={id('nextStep')}
        label={L['firstContact.nextStep']}
        rows={2}
        maxLength={1000}
        value={values.nextStep}
        onValueChange={set('nextStep')}
        error={errors['firstContact.nextStep']}
      />
      <DateTimeRow
        date="nextStepDueOn"
        time="nextStepDueTime"
        dateSupport="ホーム画面の「期日の近い対応」に出ます（例：R8.12.1）"
        {...rowProps}
      />
    </fieldset>
  )
}
