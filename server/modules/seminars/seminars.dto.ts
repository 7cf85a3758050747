import type { SeminarDetail, SeminarRegistration, SeminarSummary } from '#shared/contracts/seminars.ts'
import { addDays } from '#shared/dates.ts'
import type { RegistrationRow, SeminarView } from './seminars.repository.ts'

export function toSeminarSummary(s: SeminarView): SeminarSummary {
  return {
    id: s.id,
    kind: s.kind as SeminarSummary['kind'],
    organiser: s.ward ? (s.wardName ?? s.ward) : '本市担当課',
    title: s.title,
    theme: s.theme,
    heldOn: s.heldOn,
    startTime: s.startTime,
    endTime: s.endTime,
    place: s.place,
    online: s.online,
    capacity: s.capacity,
    audience: s.audience,
    confirmedPeople: s.confirmedPeople,
    waitlistedPeople: s.waitlistedPeople,
  }
}

/** Who must be called: the day before has come and no reminder mail was queued (no address, or no SMTP). */
function callToRemind(r: RegistrationRow, heldOn: string, today: string): boolean {
  return r.status === 'confirmed' && r.remindedAt === null && heldOn >= today && addDays(today, 1) >= heldOn
}

export function toRegistration(
  r: RegistrationRow,
  position: number | null,
  seminar: { heldOn: string },
  today: string,
): SeminarRegistration {
  return {
    id: r.id,
    name: r.name,
    attendees: r.attendees,
    email: r.email,
    phone: r.phone,
    needsChildcare: r.needsChildcare,
    needsSignLanguage: r.needsSignLanguage,
    needsNote: r.needsNote,
    status: r.status as SeminarRegistration['status'],
    waitlistPosition: position,
    attended: r.attended,
    remindedAt: r.remindedAt?.toISOString() ?? null,
    callToRemind: callToRemind(r, seminar.heldOn, today),
    createdAt: r.createdAt.toISOString(),
    promotedAt: r.promotedAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
  }
}

export function toSeminarDetail(s: SeminarView, registrations: SeminarRegistration[] | null): SeminarDetail {
  return {
    ...toSeminarSummary(s),
    access: { canManage: registrations !== null },
    registrations: registrations ?? [],
  }
}
