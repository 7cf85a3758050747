import { type FormEvent, useState } from 'react'
import { ROLES } from '#shared/codes.ts'
import { Button } from '#web/components/ui/button.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { optionsOf } from '#web/lib/options.ts'
import { useUnits } from '#web/lib/reference-data.ts'
import { unitGroups } from './unit-options.ts'

export interface AccountFilterValues {
  q?: string
  role?: string
  unitId?: string
  active?: string
}

const ACTIVE_OPTIONS = [
  { value: 'true', label: '有効のみ' },
  { value: 'false', label: '無効のみ' },
]

export function AccountFilters({
  initial,
  onApply,
}: {
  initial: AccountFilterValues
  onApply: (values: AccountFilterValues) => void
}) {
  const units = useUnits()
  const [values, setValues] = useState<AccountFilterValues>(initial)
  const set = (key: keyof AccountFilterValues) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value || undefined }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onApply(values)
  }
  return (
    <search className="mb-8 block rounded-8 border border-solid-gray-300 bg-solid-gray-50 p-6">
      <form noValidate onSubmit={submit} aria-labelledby="account-filters-title">
        <h2 id="account-filters-title" className="mb-4 text-std-20B-150">
          絞り込み
        </h2>
        <div className="grid gap-6 md:grid-cols-2">
          <TextField
            id="q"
            label="キーワード"
            plain
            support="氏名またはログインIDの一部"
            value={values.q ?? ''}
            onValueChange={set('q')}
          />
          <SelectField
            id="role"
            label="役割"
            plain
            emptyLabel="すべて"
            options={optionsOf(ROLES)}
            value={values.role ?? ''}
            onValueChange={set('role')}
          />
          <SelectField
            id="unitId"
            label="所属"
            plain
            emptyLabel="すべて"
            groups={unitGroups(units.data ?? [])}
            value={values.unitId ?? ''}
            onValueChange={set('unitId')}
          />
          <SelectField
            id="active"
            label="状態"
            plain
            emptyLabel="すべて"
            options={ACTIVE_OPTIONS}
            value={values.active ?? ''}
            onValueChange={set('active')}
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
