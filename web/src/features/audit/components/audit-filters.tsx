import { type FormEvent, useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'

export const AUDIT_FILTER_KEYS = ['from', 'to', 'action', 'actor', 'recordType', 'recordId'] as const
export type AuditFilterValues = Partial<Record<(typeof AUDIT_FILTER_KEYS)[number], string>>

export function AuditFilters({
  initial,
  onApply,
  errors,
}: {
  initial: AuditFilterValues
  onApply: (values: AuditFilterValues) => void
  errors: Record<string, string>
}) {
  const [values, setValues] = useState<AuditFilterValues>(initial)
  const set = (key: keyof AuditFilterValues) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value || undefined }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onApply(values)
  }
  return (
    <search className="mb-8 block rounded-8 border border-solid-gray-300 bg-solid-gray-50 p-6">
      <form noValidate onSubmit={submit} aria-labelledby="audit-filters-title">
        <h2 id="audit-filters-title" className="mb-4 text-std-20B-150">
          絞り込み
        </h2>
        <div className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          <DateField
            id="from"
            label="期間（から）"
            plain
            support="例：2021/4/1"
            value={values.from ?? ''}
            onValueChange={set('from')}
            error={errors.from}
          />
          <DateField
            id="to"
            label="期間（まで）"
            plain
            support="例：2021/8/31"
            value={values.to ?? ''}
            onValueChange={set('to')}
            error={errors.to}
          />
          <TextField
            id="action"
            label="操作"
            plain
            support="例：case.read、account.create"
            value={values.action ?? ''}
            onValueChange={set('action')}
            error={errors.action}
          />
          <TextField
            id="actor"
            label="操作者（ログインID）"
            plain
            value={values.actor ?? ''}
            onValueChange={set('actor')}
            error={errors.actor}
          />
          <TextField
            id="recordType"
            label="対象の種類"
            plain
            support="例：case、account"
            value={values.recordType ?? ''}
            onValueChange={set('recordType')}
            error={errors.recordType}
          />
          <TextField
            id="recordId"
            label="対象ID"
            plain
            value={values.recordId ?? ''}
            onValueChange={set('recordId')}
            error={errors.recordId}
          />
        </div>
        <div className="mt-6 flex flex-wrap gap-4">
          <Button type="submit">この条件で表示</Button>
          <Button
            variant="tertiary"
            onClick={() => {
              setValues({})
              onApply({})
            }}
          >
            条件をクリア
          </Button>
        </div>
      </form>
    </search>
  )
}
