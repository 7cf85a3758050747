import { useNavigate } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { labelOf, MEETING_STATUSES } from '#shared/codes.ts'
import { formatInstant, tokyoDate } from '#shared/dates.ts'
import { MeetingNo } from '#web/components/record-no.tsx'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { useDeleteMeeting } from '../api/delete-meeting.ts'
import { findSameDateMeeting } from '../api/find-same-date-meeting.ts'
import { useMarkMeetingHeld } from '../api/mark-meeting-held.ts'
import { useUpdateMeeting } from '../api/update-meeting.ts'
import { meetingDateText } from '../meeting-format.ts'
import type { MeetingDetail } from '../meeting-types.ts'
import { sameDateMessage } from '../same-date.ts'
import { type MeetingFactsBody, MeetingFactsForm, valuesFromMeeting } from './meeting-facts-form.tsx'
import { SameDateNotice } from './same-date-notice.tsx'

/** The meeting's facts as a list; attendees are listed by whether they were present. */
export function MeetingFacts({ meeting }: { meeting: MeetingDetail }) {
  return (
    <DescriptionList
      items={[
        { term: '会議番号', value: meeting.meetingNo },
        { term: '区', value: meeting.wardName },
        { term: '開催日', value: meetingDateText(meeting.heldOn) },
        { term: '開始時刻', value: meeting.startTime ?? '' },
        { term: '場所', value: meeting.place ?? '' },
        { term: '議長', value: meeting.chair ?? '' },
        { term: '状態', value: <strong>{labelOf(MEETING_STATUSES, meeting.status)}</strong> },
      ]}
    />
  )
}

function problemText(error: unknown, fallback: string): string {
  return isApiError(error) ? (error.problem.detail ?? error.problem.title) : fallback
}

/**
 * 概要 with the coordinator's actions: change the facts, record the meeting as held (from its
 * date on) and delete a scheduled meeting after a confirmation.
 */
export function MeetingOverview({
  meeting,
  onDone,
}: {
  meeting: MeetingDetail
  onDone: (message: string) => void
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view')
  const [error, setError] = useState('')
  const update = useUpdateMeeting(meeting.id)
  const remove = useDeleteMeeting(meeting.id)
  const held = useMarkMeetingHeld(meeting.id)
  const navigate = useNavigate()
  // A new date on which the ward already meets: the change waits here for the coordinator's answer.
  const [sameDate, setSameDate] = useState<{ body: MeetingFactsBody; message: string } | null>(null)
  const [checking, setChecking] = useState(false)
  useEffect(() => {
    if (sameDate) document.getElementById('same-date-move')?.focus()
  }, [sameDate])
  const today = tokyoDate(new Date())
  const canMarkHeld = meeting.status === 'scheduled' && meeting.heldOn <= today
  const decided = meeting.agenda.some((a) => a.decision)
  // Back from the form or the confirmation: focus returns to the button that opened it.
  const backToView = (buttonId: string) => {
    setMode('view')
    requestAnimationFrame(() => document.getElementById(buttonId)?.focus())
  }

  if (mode === 'edit') {
    const save = (body: MeetingFactsBody, onError: (error: unknown) => void) =>
      update.mutate(body, {
        onSuccess: () => {
          setSameDate(null)
          backToView('meeting-edit-button')
          onDone('会議の概要を変更しました。')
        },
        onError,
      })
    return (
      <div className="flex flex-col gap-6">
        {sameDate && (
          <SameDateNotice
            message={sameDate.message}
            confirmId="same-date-move"
            confirmLabel="同じ日に移す"
            pending={update.isPending}
            dateFieldId="edit-meeting-heldOn"
            onConfirm={() => save(sameDate.body, () => setSameDate(null))}
            onChangeDate={() => setSameDate(null)}
          />
        )}
        <MeetingFactsForm
          idPrefix="edit-meeting"
          initial={valuesFromMeeting(meeting)}
          submitLabel="変更を保存する"
          busy={update.isPending || checking}
          onCancel={() => {
            setSameDate(null)
            backToView('meeting-edit-button')
          }}
          onSubmit={(body, onError) => {
            setSameDate(null)
            setChecking(true)
            findSameDateMeeting(meeting, body.heldOn)
              .then((other) => {
                if (other) setSameDate({ body, message: sameDateMessage(other) })
                else save(body, onError)
              }, onError)
              .finally(() => setChecking(false))
          }}
        />
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-6">
      <MeetingFacts meeting={meeting} />
      <p className="text-std-16N-170 text-solid-gray-800">最終更新：{formatInstant(meeting.updatedAt)}</p>
      {error && (
        <Notice tone="error" title="操作できませんでした" live="alert">
          {error}
        </Notice>
      )}
      {mode === 'delete' ? (
        <ConfirmPanel
          title="この会議を削除します。よろしいですか？"
          confirmLabel="会議を削除する"
          danger
          busy={remove.isPending}
          onCancel={() => backToView('meeting-delete-button')}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => navigate({ to: '/meetings' }),
              onError: (err) => {
                setMode('view')
                setError(problemText(err, '削除に失敗しました。'))
              },
            })
          }
        >
          <p>
            次の会議と、その議題・招待を削除します。元に戻せません。
            <span className="block text-std-18B-160">
              <MeetingNo meetingNo={meeting.meetingNo} wardName={meeting.wardName} />
            </span>
          </p>
        </ConfirmPanel>
      ) : (
        <div className="flex flex-wrap gap-4">
          <Button id="meeting-edit-button" variant="secondary" onClick={() => setMode('edit')}>
            概要を変更する
          </Button>
          {canMarkHeld && (
            <Button
              variant="secondary"
              aria-disabled={held.isPending || undefined}
              onClick={() => {
                if (held.isPending) return
                setError('')
                held.mutate(undefined, {
                  onSuccess: () => onDone('会議を開催済みにしました。'),
                  onError: (err) => setError(problemText(err, '記録に失敗しました。')),
                })
              }}
            >
              開催済みにする
            </Button>
          )}
          {meeting.status === 'scheduled' && !decided && (
            <Button id="meeting-delete-button" variant="tertiary" onClick={() => setMode('delete')}>
              会議を削除する
            </Button>
          )}
        </div>
      )}
    </div>
  )
}
