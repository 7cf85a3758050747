import { describe, expect, it } from 'vitest'
import {
  CASE_LEADS,
  CONTACT_METHODS,
  FIRST_CONSULTERS,
  NETWORK_MEETING_KINDS,
  NEW_CASE_ROUTES,
  REFERRAL_OUTCOMES,
  ROUTES,
  SUPPORT_ACTIVITIES,
  SUPPORT_GOALS,
} from './codes.ts'
import type { Report } from './contracts/reports.ts'
import { needsHandlingMark } from './report-small-counts.ts'

const zeros = <C extends string>(list: readonly { code: C }[], v: unknown) =>
  Object.fromEntries(list.map((c) => [c.code, v]))

/** A report with every count 0 except what `change` sets. */
function report(ward: string | null, change: (r: Report) => void = () => {}): Report {
  const row = { self: 0, family: 0, other: 0, total: 0 }
  const volume = { people: 0, count: 0, peoplePer100k: null, countPer100k: null }
  const r = {
    period: { from: '2021-04-01', to: '2021-06-30', ward },
    consultations: {
      total: 0,
      byAgeBand: { current: { under40: 0, '40plus': 0, unknown: 0, total: 0 }, baseline: null, change: null },
      monthlyNewCases: [{ month: '2021-04', count: 0 }],
      byContactCount: { single: 0, continuing: 0 },
      contacts: { byMethod: zeros(CONTACT_METHODS, { ...row }), total: { ...row } },
      monthlyInPerson: [{ month: '2021-04', count: 0 }],
      outcomesAtEnd: { handed_over: 0, closed: 0, open: 0 },
      byFirstConsulter: zeros(FIRST_CONSULTERS, { count: 0, percent: 0 }),
      byRoute: zeros(ROUTES, { count: 0, percent: 0 }),
    },
    wardIntake: [{ ward: ward ?? 'kita', count: 0 }],
    meetings: {
      held: 0,
      casesReviewed: 0,
      reviews: 0,
      newCaseRoutes: zeros(NEW_CASE_ROUTES, 0),
      newCaseLeads: zeros(CASE_LEADS, 0),
      agencies: 0,
    },
    surveys: [],
    resources: { subsidisedProjects: [] },
    volumes: {
      populationFiscalYear: 2021,
      population: null,
      consultations: { ...volume },
      contacts: { ...volume },
      monthly: [
        { month: '2021-04', population: null, consultations: { ...volume }, contacts: { ...volume } },
      ],
      byWard: [],
    },
    accompaniment: {
      activities: zeros(SUPPORT_ACTIVITIES, { count: 0, cases: 0 }),
      activitiesTotal: { count: 0, cases: 0 },
      goals: zeros(SUPPORT_GOALS, 0),
      changes: { count: 0, cases: 0 },
      ledAtEnd: 0,
    },
    referrals: { byOutcome: zeros(REFERRAL_OUTCOMES, 0), total: 0 },
    networkMeetings: { held: { ...zeros(NETWORK_MEETING_KINDS, 0), total: 0 }, casesShared: 0 },
    familySupport: {
      held: { seminar: 0, family_meeting: 0, total: 0 },
      registrations: { confirmed: 0, waitlisted: 0, cancelled: 0, people: 0 },
      attendance: { attended: 0, absent: 0, notRecorded: 0, people: 0 },
      seminars: [],
      followUpSurveys: [],
    },
    webConsultations: {
      received: 0,
      replied: 0,
      linkedToCases: 0,
      bySender: { self: 0, family: 0, other: 0 },
    },
    verification: [],
  } as unknown as Report
  change(r)
  return r
}

describe('取扱注意 on small counts', () => {
  it('marks a ward report with any count of people or cases from 1 to 4', () => {
    for (const n of [1, 4]) {
      expect(
        needsHandlingMark(
          report('sakyo', (r) => {
            r.consultations.monthlyNewCases[0]!.count = n
          }),
        ),
      ).toBe(true)
    }
    expect(
      needsHandlingMark(
        report('sakyo', (r) => {
          r.meetings.newCaseLeads.accompaniment = 2
        }),
      ),
    ).toBe(true)
    expect(
      needsHandlingMark(
        report('sakyo', (r) => {
          r.consultations.contacts.byMethod.visit.self = 3
        }),
      ),
    ).toBe(true)
  })

  it('leaves zeros, counts of 5 or more, and counts not about people unmarked', () => {
    expect(needsHandlingMark(report('sakyo'))).toBe(false)
    expect(
      needsHandlingMark(
        report('sakyo', (r) => {
          r.consultations.byAgeBand.current.total = 5
        }),
      ),
    ).toBe(false)
    expect(
      needsHandlingMark(
        report('sakyo', (r) => {
          r.meetings.held = 2
          r.meetings.agencies = 1
        }),
      ),
    ).toBe(false)
  })

  it('marks a ward report on a small count of the indicator sections, not on meetings held or seminars', () => {
    const marks = (change: (r: Report) => void) => needsHandlingMark(report('sakyo', change))
    expect(
      marks((r) => {
        r.volumes.monthly[0]!.contacts.people = 2
      }),
    ).toBe(true)
    expect(
      marks((r) => {
        r.accompaniment.activities.home_listening.cases = 1
      }),
    ).toBe(true)
    expect(
      marks((r) => {
        r.accompaniment.ledAtEnd = 4
      }),
    ).toBe(true)
    expect(
      marks((r) => {
        r.referrals.byOutcome.connected = 1
      }),
    ).toBe(true)
    expect(
      marks((r) => {
        r.familySupport.attendance.people = 3
      }),
    ).toBe(true)
    expect(
      marks((r) => {
        r.webConsultations.bySender.family = 1
      }),
    ).toBe(true)
    expect(
      marks((r) => {
        r.networkMeetings.held.case_study = 1
        r.familySupport.held.seminar = 2
        r.volumes.population = 3
      }),
    ).toBe(false)
  })

  it('never marks the city report', () => {
    expect(
      needsHandlingMark(
        report(null, (r) => {
          r.consultations.byContactCount.single = 1
        }),
      ),
    ).toBe(false)
  })
})
