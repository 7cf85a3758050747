import type { FormEvent } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { describedBy, ErrorText, RequirementBadge, SupportText } from '#web/components/ui/field.tsx'

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
const ID = 'file'

/** The file to import (one per import) and the button that checks it without writing anything. */
export function ImportFileForm({
  onFile,
  onCheck,
  error,
  busy,
}: {
  onFile: (file: File | null) => void
  onCheck: () => void
  error?: string | undefined
  busy: boolean
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onCheck()
  }
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-labelledby="import-form-title"
      className="flex max-w-3xl flex-col gap-6"
    >
      <h2 id="import-form-title" className="text-std-24B-150">
        台帳ファイルの取込
      </h2>
      <ErrorSummary errors={error ? [{ targetId: ID, message: `取り込むファイル：${error}` }] : []} />
      <div className="flex flex-col gap-2">
        <label htmlFor={ID} className="text-std-17B-170">
          取り込むファイル
          <RequirementBadge required />
        </label>
        <SupportText id={ID}>
          Excelブック（.xlsx）かCSVファイル（.csv）を1つ選んでください。1回に取り込めるのは1ファイルです。相談ケースと対応記録のように互いに関係する台帳は、シートを分けた1つのExcelブックにまとめて取り込んでください。CSVファイルの名前は、シートの英語名にしてください（相談ケースは
          cases.csv、対応記録は contacts.csv など）。
        </SupportText>
        <input
          type="file"
          id={ID}
          name={ID}
          accept={ACCEPT}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(ID, Boolean(error), true)}
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
          className="min-h-12 w-full max-w-lg rounded-8 border border-solid-gray-600 bg-white px-4 py-2 text-std-16N-170 file:mr-4 file:rounded-4 file:border-2 file:border-key-900 file:bg-white file:px-3 file:py-1 file:text-key-900 aria-[invalid=true]:border-2 aria-[invalid=true]:border-error-2"
        />
        <ErrorText id={ID} message={error} />
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          確認（取込前チェック）
        </Button>
      </div>
    </form>
  )
}

/** Upload progress: a bar with the share sent when the browser reports it, else indeterminate. */
export function UploadProgress({ label, fraction }: { label: string; fraction: number | undefined }) {
  return (
    <div className="flex flex-col gap-2">
      <p className="text-std-16B-170">{label}</p>
      {fraction === undefined ? (
        <progress aria-label={label} className="h-3 w-full max-w-lg" />
      ) : (
        <progress
          aria-label={label}
          value={Math.round(fraction * 100)}
          max={100}
          className="h-3 w-full max-w-lg"
        />
      )}
    </div>
  )
}
