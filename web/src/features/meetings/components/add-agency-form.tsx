import { type FormEvent, useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { useCreateAgency } from '../api/create-agency.ts'

const ID = 'new-agency-name'

/** 関係機関を登録する: adds an organisation missing from the directory, then hands it back. */
export function AddAgencyForm({ onAdded }: { onAdded: (agency: { unitId: string; name: string }) => void }) {
  const [name, setName] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [done, setDone] = useState('')
  const create = useCreateAgency()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (create.isPending) return
    if (!name.trim()) return setError('機関名を入力してください')
    setError(undefined)
    setDone('')
    create.mutate(name.trim(), {
      onSuccess: (agency) => {
        setName('')
        setDone(`「${agency.name}」を登録し、招待に加えました。`)
        onAdded(agency)
      },
      onError: (err) => {
        // A duplicate name (409) and a field error both belong under the one field.
        if (isApiError(err)) setError(err.fieldErrors.name ?? err.problem.detail ?? err.problem.title)
        else setError('登録に失敗しました。もう一度お試しください。')
        document.getElementById(ID)?.focus()
      },
    })
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="new-agency-title" className="flex flex-col gap-4">
      <h3 id="new-agency-title" className="text-std-18B-160">
        関係機関を登録する
      </h3>
      <TextField
        id={ID}
        label="機関名"
        required
        support="一覧にない機関（NPO、地域包括支援センターなど）を正式名称で登録します。登録すると、この会議に招待されます。"
        maxLength={100}
        autoComplete="off"
        value={name}
        onValueChange={setName}
        error={error}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" variant="secondary" aria-disabled={create.isPending || undefined}>
          {create.isPending ? '登録しています…' : '登録して招待に加える'}
        </Button>
        <p role="status" className="text-std-16B-170 text-success-2">
          {done}
        </p>
      </div>
    </form>
  )
}
