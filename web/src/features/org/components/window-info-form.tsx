import { type FormEvent, useState } from 'react'
import type { OrgSettings } from '#shared/contracts/org-settings.ts'
import { putWindowInfo } from '#shared/contracts/org-settings.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useOrgChange } from '../api/org-settings.ts'

const LABELS = { hours: '受付時間', phone: '電話番号', crisisLines: '緊急時の相談先' }
const idOf = (f: string) => `window-${f}`

/** One crisis line a line: 名称／電話番号／時間 (the time may be left out). */
function parseLines(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name = '', phone = '', hours = ''] = l.split(/[／/]/u).map((p) => p.trim())
      return { name, phone, hours: hours || null }
    })
}

export function WindowInfoForm({ info }: { info: OrgSettings['window'] }) {
  const save = useOrgChange(putWindowInfo)
  const [hours, setHours] = useState(info.hours ?? '')
  const [phone, setPhone] = useState(info.phone ?? '')
  const [lines, setLines] = useState(
    info.crisisLines.map((l) => [l.name, l.phone, l.hours].filter(Boolean).join('／')).join('\n'),
  )
  const [errors, setErrors] = useState<FormErrors>(noErrors)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    save.mutate(
      { body: { version: info.version, hours, phone, crisisLines: parseLines(lines) } },
      { onError: (error) => setErrors(formErrorsFrom(error, Object.keys(LABELS))) },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, idOf)} />
      <TextField
        id={idOf('hours')}
        label={LABELS.hours}
        support="例：平日 8:30〜17:15"
        value={hours}
        onValueChange={setHours}
        error={errors.fields.hours}
      />
      <TextField
        id={idOf('phone')}
        label={LABELS.phone}
        inputMode="tel"
        widthClass="w-60"
        value={phone}
        onValueChange={setPhone}
        error={errors.fields.phone}
      />
      <TextareaField
        id={idOf('crisisLines')}
        label={LABELS.crisisLines}
        support="1行に1件、「名称／電話番号／時間」の形で（時間は省略できます）"
        value={lines}
        onValueChange={setLines}
        error={errors.fields.crisisLines}
      />
      <div role="status" className="empty:hidden">
        {save.isSuccess && <p className="text-std-16B-170 text-success-2">保存しました。</p>}
      </div>
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? '保存しています…' : '窓口の情報を保存する'}
        </Button>
      </div>
    </form>
  )
}
