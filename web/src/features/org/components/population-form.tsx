import { type FormEvent, useState } from 'react'
import { type OrgSettings, putPopulations } from '#shared/contracts/org-settings.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors } from '#web/lib/form-errors.ts'
import { useOrgChange } from '../api/org-settings.ts'

/** Population by ward for one fiscal year (年度); a ward left empty has no figure that year. */
export function PopulationForm({ org, fiscalYear }: { org: OrgSettings; fiscalYear: number }) {
  const save = useOrgChange(putPopulations)
  const [year, setYear] = useState(String(fiscalYear))
  const figure = (y: string, ward: string) =>
    String(org.populations.find((p) => String(p.fiscalYear) === y && p.wardCode === ward)?.population ?? '')
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(org.wards.map((w) => [w.code, figure(year, w.code)])),
  )
  const [errors, setErrors] = useState<FormErrors>(noErrors)

  if (org.wards.length === 0) {
    return <p className="text-std-16N-170">区・支所を追加すると、区ごとの人口を入力できます。</p>
  }

  const changeYear = (y: string) => {
    setYear(y)
    setValues(Object.fromEntries(org.wards.map((w) => [w.code, figure(y, w.code)])))
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    const items = org.wards
      .filter((w) => values[w.code]?.trim())
      .map((w) => ({ wardCode: w.code, population: Number(values[w.code]) }))
    save.mutate(
      { params: { fiscalYear: Number(year) }, body: { items } },
      { onError: (error) => setErrors(formErrorsFrom(error, [])) },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4">
      <ErrorSummary message={errors.general} errors={[]} />
      <TextField
        id="population-year"
        label="年度（西暦）"
        inputMode="numeric"
        widthClass="w-28"
        value={year}
        onValueChange={changeYear}
      />
      {/* Side by side: one field under the other made a dozen wards a screen and a half long. */}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {org.wards.map((w) => (
          <TextField
            key={w.code}
            id={`population-${w.code}`}
            label={`${w.name}の人口`}
            inputMode="numeric"
            widthClass="w-40"
            value={values[w.code] ?? ''}
            onValueChange={(v) => setValues((old) => ({ ...old, [w.code]: v }))}
            after={<span className="text-std-16N-170">人</span>}
          />
        ))}
      </div>
      <div role="status" className="empty:hidden">
        {save.isSuccess && <p className="text-std-16B-170 text-success-2">保存しました。</p>}
      </div>
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? '保存しています…' : '人口を保存する'}
        </Button>
      </div>
    </form>
  )
}
