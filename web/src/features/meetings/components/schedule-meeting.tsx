import { useNavigate } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { Loading } from '#web/components/ui/query-state.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { slashDate } from '#web/lib/date-text.ts'
import { useCreateMeeting } from '../api/create-meeting.ts'
import { useMeetingDefaults } from '../api/get-meeting-defaults.ts'
import { meetingDateText } from '../meeting-format.ts'
import { type MeetingFactsBody, MeetingFactsForm } from './meeting-facts-form.tsx'
import { SameDateNotice } from './same-date-notice.tsx'

/** The held date's second meeting waits here until the coordinator confirms it (or not). */
interface SameDate {
  body: MeetingFactsBody
  message: string
}

/**
 * 会議を予定する (coordinator): folded behind a button; the form starts from the ward's previous
 * meeting (place, chair, start time, the same weekday a month on); a second meeting on one date
 * is asked about first. A new meeting opens its own page.
 */
export function ScheduleMeeting() {
  const [open, setOpen] = useState(false)
  const [sameDate, setSameDate] = useState<SameDate | null>(null)
  const defaults = useMeetingDefaults(open)
  const create = useCreateMeeting()
  const navigate = useNavigate()
  // The question takes the focus once it is on the page (after the render that shows it).
  useEffect(() => {
    if (sameDate) document.getElementById('same-date-confirm')?.focus()
  }, [sameDate])

  if (!open) {
    return (
      <Button
        id="schedule-meeting-open"
        onClick={() => {
          setOpen(true)
          // The button gives way to the form: continue in its first field once it is there.
          const focus = () => {
            const field = document.getElementById('new-meeting-heldOn')
            if (field) field.focus()
            else requestAnimationFrame(focus)
          }
          requestAnimationFrame(focus)
        }}
      >
        会議を予定する
      </Button>
    )
  }

  const send = (body: MeetingFactsBody, confirmSameDate: boolean, onError: (error: unknown) => void) =>
    create.mutate(
      { ...body, confirmSameDate },
      {
        onSuccess: (meeting) =>
          navigate({
            to: '/meetings/$meetingId',
            params: { meetingId: meeting.id },
            search: { created: true },
          }),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setSameDate({ body, message: error.problem.detail ?? error.problem.title })
          } else onError(error)
        },
      },
    )

  const d = defaults.data
  return (
    <section
      id="schedule-meeting"
      aria-labelledby="schedule-meeting-title"
      className="rounded-8 border border-solid-gray-300 p-6"
    >
      <h2 id="schedule-meeting-title" className="mb-6 text-std-20B-150">
        会議を予定する
      </h2>
      {defaults.isPending && <Loading what="前回の会議" />}
      {!defaults.isPending && (
        <div className="flex flex-col gap-6">
          {d?.previous && (
            <p className="text-std-16N-170">
              前回の会議（{meetingDateText(d.previous.heldOn)}
              ）から開始時刻・場所・議長を引き継ぎ、開催日は翌月の同じ週・曜日にしています。必要に応じて変更してください。
            </p>
          )}
          {sameDate && (
            <SameDateNotice
              message={sameDate.message}
              confirmId="same-date-confirm"
              confirmLabel="同じ日にもう一つ予定する"
              pending={create.isPending}
              dateFieldId="new-meeting-heldOn"
              onConfirm={() => send(sameDate.body, true, () => setSameDate(null))}
              onChangeDate={() => setSameDate(null)}
            />
          )}
          <MeetingFactsForm
            idPrefix="new-meeting"
            initial={{
              heldOn: d?.heldOn ? slashDate(d.heldOn) : '',
              startTime: d?.startTime ?? '',
              place: d?.place ?? '',
              chair: d?.chair ?? '',
            }}
            submitLabel="会議を予定する"
            busy={create.isPending}
            onCancel={() => {
              setOpen(false)
              setSameDate(null)
              requestAnimationFrame(() => document.getElementById('schedule-meeting-open')?.focus())
            }}
            onSubmit={(body, onError) => {
              setSameDate(null)
              send(body, false, onError)
            }}
          />
        </div>
      )}
    </section>
  )
}
