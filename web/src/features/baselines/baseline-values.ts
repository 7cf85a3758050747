import type { Baseline } from '#shared/contracts/interchange.ts'
import { typedDate } from '#shared/typed-dates.ts'
import { slashDate } from '#web/lib/date-text.ts'
import type { FormErrors } from '#web/lib/form-errors.ts'
import type { BaselineBody } from './api/save-baseline.ts'

/** The four figures, in the order of 表2. */
export const METRICS = [
  { key: 'under40', label: '39歳以下' },
  { key: '40plus', label: '40歳以上' },
  { key: 'unknown', label: '不明' },
  { key: 'total', label: '合計' },
] as const
export type MetricKey = (typeof METRICS)[number]['key']

/** Control ids: the API's field names, `values.under40` written with a hyphen. */
export const fieldId = (field: string) => field.replace('.', '-')

export const labels: Readonly<Record<string, string>> & { label: string; from: string; to: string } = {
  label: '名称',
  from: '開始日',
  to: '終了日',
  ...Object.fromEntries(METRICS.map((m) => [`values.${m.key}`, `${m.label}の件数`])),
}

export interface BaselineFormValues {
  label: string
  from: string
  to: string
  values: Record<MetricKey, string>
}

export function formValuesOf(b?: Baseline): BaselineFormValues {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n))
  return {
    label: b?.label ?? '',
    from: b ? slashDate(b.from) : '',
    to: b ? slashDate(b.to) : '',
    values: {
      under40: text(b?.values.under40),
      '40plus': text(b?.values['40plus']),
      unknown: text(b?.values.unknown),
      total: text(b?.values.total),
    },
  }
}

/** Full-width digits (１２３) are accepted as staff often type them. */
function parseCount(text: string): number | null | 'bad' {
  const t = text.normalize('NFKC').replace(/,/g, '').trim()
  if (t === '') return null
  return /^\d{1,9}$/.test(t) ? Number(t) : 'bad'
}

/** Checks what the browser can; the server checks again and its messages take the same places. */
export function toBody(
  v: BaselineFormValues,
  takenLabels: readonly string[],
): { body: BaselineBody; errors: FormErrors } {
  const fields: Record<string, string> = {}
  if (!v.label.trim()) fields.label = '名称を入力してください'
  else if (v.label.trim().length > 100) fields.label = '名称は100文字以内で入力してください'
  else if (takenLabels.includes(v.label.trim()))
    fields.label = '同じ名称の比較基準があります。一覧の「編集」から変更してください'
  if (!v.from.trim()) fields.from = '開始日を入力してください'
  else if (!typedDate(v.from)) fields.from = '開始日は「2019/4/1」のように入力してください（和暦も可）'
  if (!v.to.trim()) fields.to = '終了日を入力してください'
  else if (!typedDate(v.to)) fields.to = '終了日は「2020/3/31」のように入力してください（和暦も可）'
  const [from, to] = [typedDate(v.from), typedDate(v.to)]
  if (from && to && from > to) fields.to = '終了日は開始日以降の日付を入力してください'
  const values = {} as BaselineBody['values']
  for (const m of METRICS) {
    const n = parseCount(v.values[m.key])
    if (n === 'bad') fields[`values.${m.key}`] = '0以上の整数で入力してください（未集計のときは空欄）'
    else values[m.key] = n
  }
  return { body: { from: v.from.trim(), to: v.to.trim(), values }, errors: { fields } }
}
