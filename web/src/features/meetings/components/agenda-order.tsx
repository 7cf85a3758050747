import { useEffect, useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { useRemoveAgendaItem } from '../api/remove-agenda-item.ts'
import { useReorderAgenda } from '../api/reorder-agenda.ts'
import type { AgendaItem, MeetingDetail } from '../meeting-types.ts'
import { agendaKindText } from './agenda-case-facts.tsx'

const moveId = (caseId: string, dir: 'up' | 'down') => `agenda-${dir}-${caseId}`

/**
 * The agenda in its order, with buttons to move a case up or down (no drag and drop: every
 * move works from the keyboard) and to take it off the agenda after a confirmation.
 */
export function AgendaOrder({ meeting }: { meeting: MeetingDetail }) {
  const reorder = useReorderAgenda(meeting.id)
  const remove = useRemoveAgendaItem(meeting.id)
  const [removing, setRemoving] = useState<AgendaItem | null>(null)
  const [message, setMessage] = useState('')
  const [error, setError] = useState('')
  const [refocus, setRefocus] = useState<{ caseId: string; dir: 'up' | 'down' } | null>(null)
  const agenda = meeting.agenda

  // A moved row is re-inserted in the DOM, which drops focus: put it back on the moved case.
  useEffect(() => {
    if (!refocus) return
    const index = agenda.findIndex((a) => a.caseId === refocus.caseId)
    const atEdge = refocus.dir === 'up' ? index === 0 : index === agenda.length - 1
    const dir = atEdge ? (refocus.dir === 'up' ? 'down' : 'up') : refocus.dir
    document.getElementById(moveId(refocus.caseId, dir))?.focus()
  }, [agenda, refocus])

  const fail = (err: unknown) =>
    setError(
      isApiError(err)
        ? (err.problem.detail ?? err.problem.title)
        : '変更に失敗しました。もう一度お試しください。',
    )

  const move = (item: AgendaItem, index: number, dir: 'up' | 'down') => {
    if (reorder.isPending) return
    const target = dir === 'up' ? index - 1 : index + 1
    const ids = agenda.map((a) => a.caseId)
    const [moved] = ids.splice(index, 1)
    if (!moved) return
    ids.splice(target, 0, moved)
    setError('')
    reorder.mutate(ids, {
      onSuccess: () => {
        setMessage(`${item.caseNo}を${target + 1}番目に移動しました。`)
        setRefocus({ caseId: item.caseId, dir })
      },
      onError: fail,
    })
  }

  return (
    <div className="flex flex-col gap-4">
      {error && (
        <Notice tone="error" title="議題を変更できませんでした" live="alert">
          {error}
        </Notice>
      )}
      <Table caption={`議題（${agenda.length}件）`}>
        <thead>
          <tr>
            <Th>順番</Th>
            <Th>ケース番号</Th>
            <Th>氏名</Th>
            <Th>区分</Th>
            <Th>決定</Th>
            <Th>並べ替え・取消</Th>
          </tr>
        </thead>
        <tbody>
          {agenda.length === 0 && (
            <EmptyRow colSpan={6}>議題はまだありません。下の「議題の候補」から追加してください。</EmptyRow>
          )}
          {agenda.map((item, i) => (
            <tr key={item.caseId}>
              <Td>{i + 1}</Td>
              <th
                scope="row"
                className="border-b border-solid-gray-300 px-3 py-2 text-left align-top text-std-16N-170 whitespace-nowrap"
              >
                {item.caseNo}
              </th>
              <Td>{item.name ?? <span className="text-solid-gray-700">氏名不明</span>}</Td>
              <Td>{agendaKindText(item)}</Td>
              <Td>{item.decision ? '決定済' : '未決定'}</Td>
              <Td>
                <div className="flex flex-wrap gap-2">
                  <Button
                    id={moveId(item.caseId, 'up')}
                    variant="secondary"
                    size="sm"
                    disabled={i === 0}
                    onClick={() => move(item, i, 'up')}
                  >
                    上へ<span className="sr-only">（{item.caseNo}）</span>
                  </Button>
                  <Button
                    id={moveId(item.caseId, 'down')}
                    variant="secondary"
                    size="sm"
                    disabled={i === agenda.length - 1}
                    onClick={() => move(item, i, 'down')}
                  >
                    下へ<span className="sr-only">（{item.caseNo}）</span>
                  </Button>
                  {item.decision ? (
                    <span className="self-center text-std-16N-170 text-solid-gray-700">
                      決定済のため外せません
                    </span>
                  ) : (
                    <Button
                      id={`agenda-remove-${item.caseId}`}
                      variant="tertiary"
                      size="sm"
                      onClick={() => setRemoving(item)}
                    >
                      議題から外す<span className="sr-only">（{item.caseNo}）</span>
                    </Button>
                  )}
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p role="status" className="text-std-16N-170">
        {message}
      </p>
      {removing && (
        <ConfirmPanel
          title={`${removing.caseNo}を議題から外します。よろしいですか？`}
          confirmLabel="議題から外す"
          danger
          busy={remove.isPending}
          onCancel={() => {
            const id = `agenda-remove-${removing.caseId}`
            setRemoving(null)
            requestAnimationFrame(() => document.getElementById(id)?.focus())
          }}
          onConfirm={() => {
            setError('')
            remove.mutate(removing.caseId, {
              onSuccess: () => {
                setMessage(`${removing.caseNo}を議題から外しました。`)
                setRemoving(null)
                requestAnimationFrame(() => document.getElementById('meeting-agenda')?.focus())
              },
              onError: (err) => {
                setRemoving(null)
                fail(err)
              },
            })
          }}
        >
          <p>外したケースは、議題の候補に戻ります。入力中の決定は保存されません。</p>
        </ConfirmPanel>
      )}
    </div>
  )
}
