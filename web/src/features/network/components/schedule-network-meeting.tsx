import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { useCreateNetworkMeeting } from '../api/create-network-meeting.ts'
import { emptyNetworkMeeting, NetworkMeetingForm } from './network-meeting-form.tsx'

/** 会議を予定する (headquarters): folded behind a button; a new meeting opens its own page. */
export function ScheduleNetworkMeeting() {
  const [open, setOpen] = useState(false)
  const create = useCreateNetworkMeeting()
  const navigate = useNavigate()

  if (!open) {
    return (
      <Button
        id="schedule-network-meeting-open"
        onClick={() => {
          setOpen(true)
          focusSoon('new-network-meeting-kind')
        }}
      >
        会議を予定する
      </Button>
    )
  }
  return (
    <section
      id="schedule-network-meeting"
      aria-labelledby="schedule-network-meeting-title"
      className="rounded-8 border border-solid-gray-300 p-6"
    >
      <h2 id="schedule-network-meeting-title" className="mb-6 text-std-20B-150">
        会議を予定する
      </h2>
      <NetworkMeetingForm
        idPrefix="new-network-meeting"
        initial={emptyNetworkMeeting}
        submitLabel="会議を予定する"
        busy={create.isPending}
        onCancel={() => {
          setOpen(false)
          focusSoon('schedule-network-meeting-open')
        }}
        onSubmit={(body, onError) =>
          create.mutate(body, {
            onSuccess: (meeting) =>
              navigate({
                to: '/network/$meetingId',
                params: { meetingId: meeting.id },
                search: { created: true },
              }),
            onError,
          })
        }
      />
    </section>
  )
}
