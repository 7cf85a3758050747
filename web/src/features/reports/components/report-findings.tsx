import { useState } from 'react'
import type { FindingEdit } from '#shared/contracts/report-findings.ts'
import type { Finding, Report } from '#shared/contracts/reports.ts'
import { formatInstant } from '#shared/dates.ts'
import { findingFigures, findingSource } from '#shared/finding-source.ts'
import { Button } from '#web/components/ui/button.tsx'
import { useCan } from '#web/lib/session.ts'
import { type FindingPeriod, useFindingEdits } from '../api/finding-edits.ts'
import { FindingEditor } from './finding-editor.tsx'

/** Who changed a finding and what it said before, oldest first, for anyone reading the report. */
function EditHistory({ edit }: { edit: FindingEdit }) {
  return (
    <details className="mt-1 print:hidden">
      <summary className="cursor-pointer text-std-16N-170 text-key-900 underline">
        編集の履歴（{edit.history.length}件）
      </summary>
      <ol className="mt-2 flex list-decimal flex-col gap-2 pl-6 text-std-16N-170">
        {edit.history.map((h) => (
          <li key={h.editedAt + h.after}>
            {formatInstant(h.editedAt)} {h.editedByName}
            <dl className="grid grid-cols-[auto_1fr] gap-x-2">
              <dt>変更前：</dt>
              <dd className="whitespace-pre-wrap">{h.before}</dd>
              <dt>変更後：</dt>
              <dd className="whitespace-pre-wrap">{h.after}</dd>
            </dl>
          </li>
        ))}
      </ol>
    </details>
  )
}

function FindingItem({
  finding,
  report,
  edit,
  period,
  canEdit,
}: {
  finding: Finding
  report: Report
  edit: FindingEdit | undefined
  period: FindingPeriod
  canEdit: boolean
}) {
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  return (
    <li className="report-finding break-inside-avoid border-l-4 border-solid-gray-420 pl-4">
      {editing ? (
        <FindingEditor
          finding={finding}
          period={period}
          onDone={(ok) => {
            setEditing(false)
            setSaved(ok)
          }}
        />
      ) : (
        <p className="whitespace-pre-wrap text-std-18N-160">{finding.text}</p>
      )}
      {/* The figures in plain sight (not only on hover), so a reader can check the sentence. */}
      <p className="text-std-16N-170 text-solid-gray-800">
        {findingFigures(finding)}　出典：{findingSource(finding, report)}
      </p>
      {edit && (
        <p className="text-std-16N-170 text-solid-gray-800">
          編集済み：{edit.editedByName}（{formatInstant(edit.editedAt)}）
        </p>
      )}
      <div role="status" className="empty:hidden">
        {saved && !editing && <p className="text-std-16B-170 text-success-2">所見の文を保存しました。</p>}
      </div>
      {edit && <EditHistory edit={edit} />}
      {canEdit && !editing && (
        <div className="mt-1 print:hidden">
          <Button
            variant="tertiary"
            size="sm"
            onClick={() => {
              setSaved(false)
              setEditing(true)
            }}
            aria-label={`所見「${finding.text.slice(0, 20)}…」の文を編集する`}
          >
            文を編集する
          </Button>
        </div>
      )}
    </li>
  )
}

/**
 * 所見（下書き）: the sentences the report drafts from its own figures, each with the figures it
 * rests on as a footnote line, and headquarters' edited text where there is one.
 */
export function ReportFindings({ report }: { report: Report }) {
  const can = useCan()
  const period = report.period
  const edits = useFindingEdits(period)
  if (report.findings.length === 0) return null
  const editOf = (id: string) => edits.data?.edits.find((e) => e.findingId === id)
  return (
    <section aria-labelledby="report-findings" className="mb-6">
      <h2 id="report-findings" className="mb-4 border-b-2 border-key-900 pb-1 text-std-24B-150">
        所見（下書き）
      </h2>
      <p className="mb-4 text-std-16N-170">
        集計値から自動で作成した文です。各文の下に、もとにした数値（分子・分母）と出典の表を示します。
        {can.editReportFindings && (
          <span className="print:hidden">文は編集できます（数値は変わりません）。</span>
        )}
      </p>
      <ul className="flex flex-col gap-4">
        {report.findings.map((f) => (
          <FindingItem
            key={f.id}
            finding={f}
            report={report}
            edit={editOf(f.id)}
            period={period}
            canEdit={can.editReportFindings}
          />
        ))}
      </ul>
    </section>
  )
}
