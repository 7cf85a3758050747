import { useRef, useState } from 'react'
import type { Baseline } from '#shared/contracts/interchange.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { useBaselines } from '../api/list-baselines.ts'
import { useDeleteBaseline } from '../api/save-baseline.ts'
import { BaselineForm } from './baseline-form.tsx'
import { BaselineTable } from './baseline-table.tsx'

type Mode =
  | { kind: 'list' }
  | { kind: 'add' }
  | { kind: 'edit'; baseline: Baseline }
  | { kind: 'delete'; baseline: Baseline }

/** The list of baselines, with adding, editing and deleting one at a time in place. */
export function BaselinesPanel() {
  const list = useBaselines()
  const remove = useDeleteBaseline()
  const [mode, setMode] = useState<Mode>({ kind: 'list' })
  const [message, setMessage] = useState('')
  const listHeading = useRef<HTMLHeadingElement>(null)

  const backToList = (text = '') => {
    setMode({ kind: 'list' })
    setMessage(text)
    remove.reset()
    // Back from a form or confirmation, keyboard users continue from the list's heading.
    requestAnimationFrame(() => listHeading.current?.focus())
  }
  const open = (next: Mode) => {
    setMessage('')
    setMode(next)
  }

  if (list.isPending) return <Loading what="比較基準" />
  if (list.error) return <QueryError error={list.error} />
  const baselines = list.data

  if (mode.kind === 'add' || mode.kind === 'edit') {
    return (
      <BaselineForm
        editing={mode.kind === 'edit' ? mode.baseline : undefined}
        takenLabels={baselines.map((b) => b.label)}
        onDone={(label) => backToList(`「${label}」を保存しました。`)}
        onCancel={() => backToList()}
      />
    )
  }

  return (
    <div className="flex flex-col gap-6">
      <h2 ref={listHeading} tabIndex={-1} className="text-std-24B-150">
        比較基準の一覧
      </h2>
      <div role="status" className="empty:hidden">
        {message && <p className="text-std-16B-170 text-success-2">{message}</p>}
      </div>
      {mode.kind === 'delete' && (
        <ConfirmPanel
          title={`「${mode.baseline.label}」を削除しますか`}
          confirmLabel="削除する"
          danger
          busy={remove.isPending}
          onConfirm={() =>
            remove.mutate(mode.baseline.label, {
              onSuccess: () => backToList(`「${mode.baseline.label}」を削除しました。`),
            })
          }
          onCancel={() => backToList()}
        >
          <p>
            この比較基準を使っているレポートでは、表2の比較基準と増減が「—」になります。削除は元に戻せません。
          </p>
          {remove.isError && (
            <div className="mt-4">
              <Notice tone="error" title="削除できませんでした" live="alert">
                {isApiError(remove.error)
                  ? (remove.error.problem.detail ?? remove.error.problem.title)
                  : '通信に失敗しました。'}
              </Notice>
            </div>
          )}
        </ConfirmPanel>
      )}
      <BaselineTable
        baselines={baselines}
        onEdit={(b) => open({ kind: 'edit', baseline: b })}
        onDelete={(b) => open({ kind: 'delete', baseline: b })}
      />
      <div>
        <Button onClick={() => open({ kind: 'add' })}>比較基準を追加</Button>
      </div>
    </div>
  )
}
