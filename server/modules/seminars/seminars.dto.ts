import type { SeminarDetail, SeminarRegistration, SeminarSummary } from '#shared/contracts/seminars.ts'
import { addDays } from '#shared/dates.ts'
import type { RegistrationRow, SeminarView } from './seminars.repository.ts'

/** Survey titles by id, for the follow-up survey's name. */
export type SurveyTitles = ReadonlyMap<string, string>

export function toSeminarSummary(s: SeminarView, surveys: SurveyTitles): SeminarSummary {
  const surveyTitle = s.followUpSurveyId ? surveys.get(s.followUpSurveyId) : undefined
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
    followUpSurvey: s.followUpSurveyId && surveyTitle ? { id: s.followUpSurveyId, title: surveyTitle } : null,
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
    caseId: r.caseId,
    personalDataRemoved: r.personalDataRemovedAt !== null,
  }
}

export function toSeminarDetail(
  s: SeminarView,
  surveys: SurveyTitles,
  registrations: SeminarRegistration[] | null,
): SeminarDetail {
  return {
    ...toSeminarSummary(s, surveys),
    access: { canManage: registrations !== null },
    registrations: registrations ?? [],
  }
}
