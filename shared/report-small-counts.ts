// 取扱注意 on a ward's report: when a count is this small, a reader who knows the ward may tell
// whose case it is (one family in a small ward who called in March). The rule is the one the
// printed report and the page show, documented in docs/report-rules.md ("Small counts").
import type { Report } from './contracts/reports.ts'

/** Counts from 1 to 4 of people or cases mark a ward's report 取扱注意 (0 and 5+ do not). */
export const SMALL_COUNT_MAX = 4

function countsAbout(report: Report): number[] {
  const c = report.consultations
  const m = report.meetings
  return [
    ...Object.values(c.byAgeBand.current),
    ...c.monthlyNewCases.map((x) => x.count),
    ...Object.values(c.byContactCount),
    ...Object.values(c.contacts.byMethod).flatMap((row) => Object.values(row)),
    ...Object.values(c.contacts.total),
    ...c.monthlyInPerson.map((x) => x.count),
    ...Object.values(c.outcomesAtEnd),
    ...Object.values(c.byFirstConsulter).map((s) => s.count),
    ...Object.values(c.byRoute).map((s) => s.count),
    ...report.wardIntake.map((w) => w.count),
    m.casesReviewed,
    m.reviews,
    ...Object.values(m.newCaseRoutes),
    ...Object.values(m.newCaseLeads),
    ...indicatorCountsAbout(report),
  ]
}

/** The indicator sections' counts of people, cases, families and web consultations. */
function indicatorCountsAbout(report: Report): number[] {
  const v = report.volumes
  const a = report.accompaniment
  const f = report.familySupport
  const w = report.webConsultations
  const volumes = [v, ...v.monthly, ...v.byWard].flatMap((x) => [x.consultations, x.contacts])
  return [
    ...volumes.flatMap((x) => [x.people, x.count]),
    ...[...Object.values(a.activities), a.activitiesTotal, a.changes].flatMap((x) => [x.count, x.cases]),
    ...Object.values(a.goals),
    a.ledAtEnd,
    ...Object.values(report.referrals.byOutcome),
    report.networkMeetings.casesShared,
    ...Object.values(f.registrations),
    ...Object.values(f.attendance),
    ...f.seminars.flatMap((s) => [s.registeredPeople, s.attendedPeople]),
    w.received,
    w.replied,
    w.linkedToCases,
    ...Object.values(w.bySender),
  ]
}

/**
 * Whether the report must be marked 取扱注意: it is one ward's, and some count about people or
 * cases in it is between 1 and SMALL_COUNT_MAX. The city's report is not marked (its counts are
 * spread over the whole city), nor are counts that are not about people: meetings held, agencies,
 * surveys (anonymous and city-wide) and resources.
 */
export function needsHandlingMark(report: Report): boolean {
  if (report.period.ward === null) return false
  return countsAbout(report).some((n) => n >= 1 && n <= SMALL_COUNT_MAX)
}
