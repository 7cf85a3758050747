import { type FormEvent, useState } from 'react'
import { AUDIT_ACTION_LABELS } from '#shared/audit-actions.ts'
import { Button } from '#web/components/ui/button.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { useAuditActors } from '../api/list-audit.ts'

/** Actions by their Japanese, in the order an auditor looks them up. */
const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'ja'))

export const AUDIT_FILTER_KEYS = [
  'from',
  'to',
  'action',
  'actor',
  'caseNo',
  'recordType',
  'recordId',
] as const
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
  const actors = useAuditActors()
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
          <SelectField
            id="actor"
            label="職員"
            plain
            emptyLabel="すべての職員"
            options={(actors.data ?? []).map((a) => ({
              value: a.login,
              label: a.name ? `${a.name}（${a.login}）` : a.login,
            }))}
            value={values.actor ?? ''}
            onValueChange={set('actor')}
            error={errors.actor}
          />
          <TextField
            id="caseNo"
            label="ケース番号"
            plain
            support="例：2026-00084"
            value={values.caseNo ?? ''}
            onValueChange={set('caseNo')}
            error={errors.caseNo}
          />
          <SelectField
            id="action"
            label="操作"
            plain
            emptyLabel="すべての操作"
            options={ACTION_OPTIONS}
            value={values.action ?? ''}
            onValueChange={set('action')}
            error={errors.action}
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
