import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Button, buttonClass } from '#web/components/ui/button.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { queryKeys } from '#web/lib/query-keys.ts'
import { problemOf, uploadRaw } from '#web/lib/raw-upload.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The organisation as a workbook: download it, edit it in a spreadsheet, and read it back. */
export function OrgSheetSection() {
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; messages: string[] } | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!file) {
      setResult({ ok: false, messages: ['取り込むファイルを選択してください'] })
      return
    }
    setBusy(true)
    setResult(null)
    try {
      const answer = await uploadRaw('/api/org/sheet', file, { contentType: XLSX })
      if (answer.status === 200) {
        setResult({ ok: true, messages: ['取り込みました。'] })
        await queryClient.invalidateQueries({ queryKey: queryKeys.org.all })
      } else {
        const problem = problemOf(answer).problem
        setResult({
          ok: false,
          messages: problem.errors?.map((x) => x.message) ?? [problem.detail ?? problem.title],
        })
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="org-sheet-heading" className="flex flex-col gap-4">
      <h2 id="org-sheet-heading" className="text-std-24B-150">
        Excelで書き出す・取り込む
      </h2>
      <p className="text-std-16N-170">
        区・支所、課・室など、人口をExcelファイルで書き出し、編集して取り込めます。誤りがあるときは、シート・行・列を示して何も取り込みません。
      </p>
      <p>
        <a className={buttonClass('secondary')} href="/api/org/sheet.xlsx" download="yorisoi-org.xlsx">
          組織をExcelで書き出す
        </a>
      </p>
      <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <label htmlFor="org-sheet-file" className="text-std-17B-170">
          取り込むファイル（.xlsx）
        </label>
        <input
          id="org-sheet-file"
          type="file"
          accept=".xlsx"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          className="text-std-16N-170"
        />
        <div role="status" className="empty:hidden">
          {result && (
            <Notice
              tone={result.ok ? 'success' : 'error'}
              title={result.ok ? '取り込みました' : '取り込めませんでした'}
            >
              {!result.ok && (
                <ul className="list-disc pl-6">
                  {result.messages.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
            </Notice>
          )}
        </div>
        <div>
          <Button type="submit" disabled={busy}>
            {busy ? '取り込んでいます…' : 'Excelから取り込む'}
          </Button>
        </div>
      </form>
    </section>
  )
}
