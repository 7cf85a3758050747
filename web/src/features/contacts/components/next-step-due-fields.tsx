import { DateField } from '#web/components/ui/date-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { CONTACT_FIELD_LABELS as L } from '#web/lib/field-labels.ts'
import type { ContactFormValues } from '../contact-form-values.ts'

export interface NextStepDueFieldsProps {
  idOf: (field: string) => string
  values: ContactFormValues
  set: (key: keyof ContactFormValues) => (value: string) => void
  errors: Record<string, string>
}

/** When the next step is due: the home page lists it on that day, overdue after it. */
export function NextStepDueFields({ idOf, values, set, errors }: NextStepDueFieldsProps) {
  return (
    <div className="flex flex-wrap gap-8">
      <DateField
        id={idOf('nextStepDueOn')}
        label={L.nextStepDueOn}
        support="ホーム画面の「期日の近い対応」に出ます（例：R8.12.1）"
        value={values.nextStepDueOn}
        onValueChange={set('nextStepDueOn')}
        error={errors.nextStepDueOn}
      />
      <TextField
        id={idOf('nextStepDueTime')}
        label={L.nextStepDueTime}
        support="24時間制（例：14:05）"
        inputMode="numeric"
        widthClass="w-28"
        autoComplete="off"
        value={values.nextStepDueTime}
        onValueChange={set('nextStepDueTime')}
        error={errors.nextStepDueTime}
      />
    </div>
  )
}
