import { type FormEvent, useState } from 'react'
import { typedDate } from '#shared/typed-dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxField } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { SelectField, type SelectOption } from '#web/components/ui/select-field.tsx'
import { slashDate } from '#web/lib/date-text.ts'
import { fiscalYearShortcuts, type PeriodShortcut, type ReportSearch, SEED_PERIOD } from '../report-search.ts'

const labels = { from: '開始日', to: '終了日', ward: '区役所・支所', baseline: '比較基準' } as const

function asText(value: string | undefined): string {
  return value && typedDate(value) === value ? slashDate(value) : (value ?? '')
}

/** Typed dates go to the URL as ISO when they parse, otherwise as typed (the server reports them). */
function asSearch(value: string): string | undefined {
  const t = value.trim()
  return t === '' ? undefined : (typedDate(t) ?? t)
}

function checkDates(from: string, to: string): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!from.trim()) errors.from = '開始日を入力してください'
  else if (!typedDate(from)) errors.from = '開始日は「2021/4/1」のように入力してください（和暦も可）'
  if (!to.trim()) errors.to = '終了日を入力してください'
  else if (!typedDate(to)) errors.to = '終了日は「2022/3/31」のように入力してください（和暦も可）'
  const [f, t] = [typedDate(from), typedDate(to)]
  if (f && t && f > t) errors.to = '終了日は開始日以降の日付を入力してください'
  return errors
}

export function ReportFilters({
  initial,
  onApply,
  serverErrors,
  wards,
  baselines,
  fixedWard,
}: {
  initial: ReportSearch
  onApply: (search: ReportSearch) => void
  serverErrors: Record<string, string>
  wards: SelectOption[]
  baselines: SelectOption[]
  /** The one ward the account's report is for (a ward coordinator's); no choice of ward then. */
  fixedWard?: string | undefined
}) {
  const [from, setFrom] = useState(asText(initial.from))
  const [to, setTo] = useState(asText(initial.to))
  const [ward, setWard] = useState(initial.ward ?? '')
  const [baseline, setBaseline] = useState(initial.baseline ?? '')
  const [only8050, setOnly8050] = useState(initial.flag8050 === 'true')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const shown = Object.keys(errors).length ? errors : serverErrors

  const rest = {
    ward: ward || undefined,
    baseline: baseline || undefined,
    flag8050: only8050 ? ('true' as const) : undefined,
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = checkDates(from, to)
    setErrors(found)
    if (Object.keys(found).length === 0) onApply({ from: asSearch(from), to: asSearch(to), ...rest })
  }
  const choose = (period: PeriodShortcut) => {
    setErrors({})
    onApply({ from: period.from, to: period.to, ...rest })
  }
  const shortcuts = [...fiscalYearShortcuts(), SEED_PERIOD]
  const summary = (Object.keys(labels) as (keyof typeof labels)[])
    .filter((k) => shown[k])
    .map((k) => ({ targetId: k, message: `${labels[k]}：${shown[k]}` }))

  return (
    <search className="mb-8 block rounded-8 border border-solid-gray-300 bg-solid-gray-50 p-6 print:hidden">
      <h2 className="mb-4 text-std-20B-150">集計の条件</h2>
      <section aria-labelledby="report-shortcuts-title" className="mb-6">
        <h3 id="report-shortcuts-title" className="mb-2 text-std-17B-170">
          期間をすぐに選ぶ
        </h3>
        <ul className="flex flex-wrap gap-2">
          {shortcuts.map((p) => (
            <li key={p.label}>
              <Button
                id={`period-${p.from}-${p.to}`}
                variant={initial.from === p.from && initial.to === p.to ? 'primary' : 'secondary'}
                size="sm"
                aria-pressed={initial.from === p.from && initial.to === p.to}
                onClick={() => choose(p)}
              >
                {p.label}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <form noValidate onSubmit={submit} aria-label="期間と区を指定して表示" className="flex flex-col gap-6">
        <ErrorSummary errors={summary} />
        <div className="grid gap-6 md:grid-cols-2">
          <DateField
            id="from"
            label={labels.from}
            required
            support="例：2021/4/1"
            value={from}
            onValueChange={setFrom}
            error={shown.from}
          />
          <DateField
            id="to"
            label={labels.to}
            required
            support="例：2022/3/31（この日を含みます）"
            value={to}
            onValueChange={setTo}
            error={shown.to}
          />
          {fixedWard ? (
            <div>
              <p className="text-std-17B-170">{labels.ward}</p>
              <p id="ward-fixed" className="mt-2 text-std-16N-170">
                {fixedWard}（ご自分の区役所・支所の分だけを集計します）
              </p>
            </div>
          ) : (
            <SelectField
              id="ward"
              label={labels.ward}
              support="選ぶと、その区役所・支所の分だけを集計します"
              value={ward}
              onValueChange={setWard}
              options={wards}
              emptyLabel="全市"
              error={shown.ward}
            />
          )}
          <SelectField
            id="baseline"
            label={labels.baseline}
            support="表2で比べる数値です。選ばないときは、開始日より前に終わる直近の比較基準を使います"
            value={baseline}
            onValueChange={setBaseline}
            options={baselines}
            emptyLabel="自動（直近の比較基準）"
            error={shown.baseline}
          />
        </div>
        <CheckboxField
          id="flag8050"
          label="8050世帯のケースのみ"
          support="相談件数・対応状況・区の受付と見直しを、8050世帯のケースに絞って集計します。会議の開催数、関係機関、アンケート、社会資源、比較基準は絞りません"
          checked={only8050}
          onCheckedChange={setOnly8050}
        />
        <div>
          <Button id="report-apply" type="submit">
            この条件で集計
          </Button>
        </div>
      </form>
    </search>
  )
}
