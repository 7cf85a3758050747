import { useState } from 'react'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { type ImportResult, useRunImport } from '../api/run-import.ts'
import { ImportFileForm, UploadProgress } from './import-file-form.tsx'
import { CountsTable, ImportIssues } from './import-issues.tsx'

const EXTENSIONS = /\.(xlsx|csv)$/i

function checkFile(file: File | null): string | undefined {
  if (!file) return 'ファイルを選んでください'
  if (!EXTENSIONS.test(file.name)) return 'Excelブック（.xlsx）かCSVファイル（.csv）を選んでください'
  if (file.size === 0) return '空のファイルです。内容を確認してください'
  return undefined
}

function failureText(error: unknown): string {
  if (isApiError(error)) return error.problem.detail ?? error.problem.title
  return '送信に失敗しました。もう一度お試しください。'
}

/** Check a ledger file (dry run), show what would change or what is wrong, then import it. */
export function ImportPanel() {
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string>()
  const [checked, setChecked] = useState<ImportResult>()
  const [done, setDone] = useState<ImportResult>()
  const [progress, setProgress] = useState<number>()
  const run = useRunImport()
  const dryRun = run.variables?.dryRun ?? true

  const send = (asDryRun: boolean) => {
    if (!file) return
    setProgress(undefined)
    run.mutate(
      { file, dryRun: asDryRun, onProgress: setProgress },
      { onSuccess: (result) => (asDryRun ? setChecked(result) : setDone(result)) },
    )
  }
  const check = () => {
    const error = checkFile(file)
    setFileError(error)
    setChecked(undefined)
    setDone(undefined)
    if (!error) send(true)
  }
  const chooseFile = (next: File | null) => {
    setFile(next)
    setChecked(undefined)
    setDone(undefined)
    run.reset()
  }

  return (
    <div className="flex flex-col gap-8">
      <ImportFileForm onFile={chooseFile} onCheck={check} error={fileError} busy={run.isPending} />
      <div role="status" className="empty:hidden">
        {run.isPending && <UploadProgress label={dryRun ? '確認中…' : '取込中…'} fraction={progress} />}
      </div>
      {run.isError && (
        <Notice tone="error" title={dryRun ? '確認できませんでした' : '取り込めませんでした'} live="alert">
          {failureText(run.error)}
        </Notice>
      )}
      {checked && !done && (
        <CheckedResult
          result={checked}
          fileName={file?.name ?? ''}
          onImport={() => send(false)}
          onCancel={() => setChecked(undefined)}
          busy={run.isPending}
        />
      )}
      {done && <DoneResult result={done} />}
    </div>
  )
}

function CheckedResult({
  result,
  fileName,
  onImport,
  onCancel,
  busy,
}: {
  result: ImportResult
  fileName: string
  onImport: () => void
  onCancel: () => void
  busy: boolean
}) {
  if (!result.ok || result.errorCount > 0) {
    return (
      <section aria-labelledby="import-check-title" className="flex flex-col gap-6">
        <h2 id="import-check-title" className="text-std-24B-150">
          確認の結果
        </h2>
        <Notice
          tone="error"
          title={`取り込めません（エラー ${result.errorCount.toLocaleString('ja-JP')}件）`}
          live="alert"
        >
          「{fileName}
          」にエラーがあるため、何も取り込んでいません。台帳を直してから、もう一度「確認（取込前チェック）」を押してください。
        </Notice>
        <ImportIssues result={result} />
      </section>
    )
  }
  return (
    <section aria-labelledby="import-check-title" className="flex flex-col gap-6">
      <h2 id="import-check-title" className="text-std-24B-150">
        確認の結果
      </h2>
      <CountsTable caption={`「${fileName}」を取り込むと変わる件数`} counts={result.counts} />
      <ImportIssues result={result} />
      <ConfirmPanel
        title="この内容で取り込みますか"
        confirmLabel="この内容で取り込む"
        onConfirm={onImport}
        onCancel={onCancel}
        busy={busy}
      >
        同じ番号の記録は上書きされます。取り込みはすべての行をまとめて行い、途中で失敗したときは何も変更しません。
      </ConfirmPanel>
    </section>
  )
}

function DoneResult({ result }: { result: ImportResult }) {
  return (
    <section aria-labelledby="import-done-title" className="flex flex-col gap-6">
      <h2 id="import-done-title" className="text-std-24B-150">
        取込の結果
      </h2>
      {result.ok ? (
        <Notice tone="success" title="取り込みました" live="status">
          評価レポートにも反映されています。
        </Notice>
      ) : (
        <Notice
          tone="error"
          title={`取り込めませんでした（エラー ${result.errorCount.toLocaleString('ja-JP')}件）`}
          live="alert"
        >
          何も変更していません。
        </Notice>
      )}
      {result.ok && <CountsTable caption="取り込んだ件数" counts={result.counts} />}
      <ImportIssues result={result} />
    </section>
  )
}
