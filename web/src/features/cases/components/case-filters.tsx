import { type FormEvent, useState } from 'react'
import { AGE_BANDS, CASE_STATUSES, FIRST_CONSULTERS, URGENCIES } from '#shared/codes.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxField } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { optionsOf } from '#web/lib/options.ts'
import { useStaff, useWards } from '#web/lib/reference-data.ts'

export const FILTER_KEYS = [
  'q',
  'status',
  'urgency',
  'ageBand',
  'ward',
  'firstConsulter',
  'staffId',
  'openedFrom',
  'openedTo',
  'flag8050',
] as const
export type FilterKey = (typeof FILTER_KEYS)[number]
export type CaseFilterValues = Partial<Record<FilterKey, string>>

export interface CaseFiltersProps {
  initial: CaseFilterValues
  onApply: (values: CaseFilterValues) => void
  errors: Record<string, string>
}

/** The search form of the case list; it applies on submit so each search is one URL. */
export function CaseFilters({ initial, onApply, errors }: CaseFiltersProps) {
  const [values, setValues] = useState<CaseFilterValues>(initial)
  const wards = useWards()
  const staff = useStaff()
  const set = (key: FilterKey) => (value: string) => setValues((v) => ({ ...v, [key]: value }))
  const v = (key: FilterKey) => values[key] ?? ''

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
      <form noValidate onSubmit={submit} aria-labelledby="case-filters-title">
        <h2 id="case-filters-title" className="mb-4 text-std-20B-150">
          絞り込み
        </h2>
        <div className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          <TextField
            id="q"
            label="キーワード"
            plain
            support="氏名・ふりがな（本人・相談者・世帯員）、電話番号、メールアドレス、ケース番号。カタカナ・ひらがな、全角・半角、旧字体の違いは問いません"
            value={v('q')}
            onValueChange={set('q')}
            error={errors.q}
          />
          <SelectField
            id="status"
            label="状態"
            plain
            emptyLabel="すべて"
            options={optionsOf(CASE_STATUSES)}
            value={v('status')}
            onValueChange={set('status')}
          />
          <SelectField
            id="urgency"
            label="緊急度"
            plain
            emptyLabel="すべて"
            options={optionsOf(URGENCIES)}
            value={v('urgency')}
            onValueChange={set('urgency')}
          />
          <SelectField
            id="ageBand"
            label="年齢区分"
            plain
            emptyLabel="すべて"
            options={optionsOf(AGE_BANDS)}
            value={v('ageBand')}
            onValueChange={set('ageBand')}
          />
          <SelectField
            id="ward"
            label="居住区"
            plain
            emptyLabel="すべて"
            options={(wards.data ?? []).map((w) => ({ value: w.code, label: w.name }))}
            value={v('ward')}
            onValueChange={set('ward')}
          />
          <SelectField
            id="firstConsulter"
            label="相談者"
            plain
            emptyLabel="すべて"
            options={optionsOf(FIRST_CONSULTERS)}
            value={v('firstConsulter')}
            onValueChange={set('firstConsulter')}
          />
          <SelectField
            id="staffId"
            label="担当者"
            plain
            emptyLabel="すべて"
            options={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.unitName}）` }))}
            value={v('staffId')}
            onValueChange={set('staffId')}
          />
          <DateField
            id="openedFrom"
            label="受付日（から）"
            plain
            support="例：2021/4/1"
            value={v('openedFrom')}
            onValueChange={set('openedFrom')}
            error={errors.openedFrom}
          />
          <DateField
            id="openedTo"
            label="受付日（まで）"
            plain
            support="例：2021/8/31"
            value={v('openedTo')}
            onValueChange={set('openedTo')}
            error={errors.openedTo}
          />
        </div>
        <div className="mt-6">
          <CheckboxField
            id="flag8050"
            label="8050世帯のみ"
            support="本人が40歳以上で、70歳以上または介護・支援機関の関わる親と同居しているケース"
            checked={values.flag8050 === 'true'}
            onCheckedChange={(on) => setValues((v) => ({ ...v, flag8050: on ? 'true' : undefined }))}
          />
        </div>
        <div className="mt-6 flex flex-wrap gap-4">
          <Button type="submit">この条件で表示</Button>
          <Button variant="tertiary" onClick={clear}>
            条件をクリア
          </Button>
        </div>
      </form>
    </search>
  )
}
