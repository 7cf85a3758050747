import { type FormEvent, useState } from 'react'
import { RESOURCE_CATEGORIES, RESOURCE_SERVES } from '#shared/codes.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxField } from '#web/components/ui/choice-group.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { optionsOf } from '#web/lib/options.ts'
import { useWards } from '#web/lib/reference-data.ts'

export const RESOURCE_FILTER_KEYS = [
  'q',
  'category',
  'serves',
  'ward',
  'subsidised',
  'includeInactive',
] as const
export type ResourceFilterKey = (typeof RESOURCE_FILTER_KEYS)[number]
export type ResourceFilterValues = Partial<Record<ResourceFilterKey, string>>

/** The directory's search form; it applies on submit, so each search is one URL. */
export function ResourceFilters({
  initial,
  onApply,
  errors,
  showInactiveChoice,
}: {
  initial: ResourceFilterValues
  onApply: (values: ResourceFilterValues) => void
  errors: Record<string, string>
  /** Headquarters may include the resources taken out of the directory. */
  showInactiveChoice: boolean
}) {
  const [values, setValues] = useState<ResourceFilterValues>(initial)
  const wards = useWards()
  const set = (key: ResourceFilterKey) => (value: string) => setValues((v) => ({ ...v, [key]: value }))
  const v = (key: ResourceFilterKey) => values[key] ?? ''

  const submit = (e: FormEvent) => {
    e.preventDefault()
    onApply(values)
  }
  const clear = () => {
    setValues({})
    onApply({})
  }

  return (
    <search className="mb-8 block rounded-8 border border-solid-gray-300 bg-solid-gray-50 p-6">
      <form noValidate onSubmit={submit} aria-labelledby="resource-filters-title">
        <h2 id="resource-filters-title" className="mb-4 text-std-20B-150">
          社会資源をさがす
        </h2>
        <div className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          <TextField
            id="q"
            label="キーワード"
            plain
            support="名称・資源番号・内容・連絡先の一部"
            value={v('q')}
            onValueChange={set('q')}
            error={errors.q}
          />
          <SelectField
            id="category"
            label="分類"
            plain
            emptyLabel="すべて"
            options={optionsOf(RESOURCE_CATEGORIES)}
            value={v('category')}
            onValueChange={set('category')}
            error={errors.category}
          />
          <SelectField
            id="serves"
            label="対象"
            plain
            emptyLabel="すべて"
            options={optionsOf(RESOURCE_SERVES)}
            value={v('serves')}
            onValueChange={set('serves')}
            error={errors.serves}
          />
          <SelectField
            id="ward"
            label="地域"
            plain
            support="区を選ぶと、その区の資源と全市の資源を表示します"
            emptyLabel="すべて"
            options={[
              { value: 'citywide', label: '全市の資源のみ' },
              ...(wards.data ?? []).map((w) => ({ value: w.code, label: w.name })),
            ]}
            value={v('ward')}
            onValueChange={set('ward')}
            error={errors.ward}
          />
          <SelectField
            id="subsidised"
            label="補助金採択事業"
            plain
            emptyLabel="すべて"
            options={[
              { value: 'true', label: '採択された事業のみ' },
              { value: 'false', label: '採択されていないもの' },
            ]}
            value={v('subsidised')}
            onValueChange={set('subsidised')}
            error={errors.subsidised}
          />
        </div>
        {showInactiveChoice && (
          <div className="mt-6">
            <CheckboxField
              id="includeInactive"
              label="一覧から外した資源も表示する"
              checked={v('includeInactive') === 'true'}
              onCheckedChange={(on) => set('includeInactive')(on ? 'true' : '')}
            />
          </div>
        )}
        <div className="mt-6 flex flex-wrap gap-4">
          <Button type="submit">この条件で表示</Button>
          <Button variant="secondary" onClick={clear}>
            条件をクリア
          </Button>
        </div>
      </form>
    </search>
  )
}
