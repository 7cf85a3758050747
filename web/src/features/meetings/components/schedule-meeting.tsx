import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { useCreateMeeting } from '../api/create-meeting.ts'
import { MeetingFactsForm } from './meeting-facts-form.tsx'

/** 会議を予定する (coordinator): folded behind a button; a new meeting opens its own page. */
export function ScheduleMeeting() {
  const [open, setOpen] = useState(false)
  const create = useCreateMeeting()
  const navigate = useNavigate()

  if (!open) {
    return (
      <Button
        id="schedule-meeting-open"
        onClick={() => {
          setOpen(true)
          // The button gives way to the form: continue in its first field.
          requestAnimationFrame(() => document.getElementById('new-meeting-heldOn')?.focus())
        }}
      >
        会議を予定する
      </Button>
    )
  }
  return (
    <section
      id="schedule-meeting"
      aria-labelledby="schedule-meeting-title"
      className="rounded-8 border border-solid-gray-300 p-6"
    >
      <h2 id="schedule-meeting-title" className="mb-6 text-std-20B-150">
        会議を予定する
      </h2>
      <MeetingFactsForm
        idPrefix="new-meeting"
        initial={{ heldOn: '', startTime: '', place: '', chair: '' }}
        submitLabel="会議を予定する"
        busy={create.isPending}
        onCancel={() => {
          setOpen(false)
          requestAnimationFrame(() => document.getElementById('schedule-meeting-open')?.focus())
        }}
        onSubmit={(body, onError) =>
          create.mutate(body, {
            onSuccess: (meeting) =>
              navigate({
                to: '/meetings/$meetingId',
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
