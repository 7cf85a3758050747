import { describe, expect, it } from 'vitest'
import { CASE_LEADS, CONTACT_METHODS, FIRST_CONSULTERS, NEW_CASE_ROUTES, ROUTES } from './codes.ts'
import type { Report } from './contracts/reports.ts'
import { needsHandlingMark } from './report-small-counts.ts'

const zeros = <C extends string>(list: readonly { code: C }[], v: unknown) =>
  Object.fromEntries(list.map((c) => [c.code, v]))

/** A report with every count 0 except what `change` sets. */
function report(ward: string | null, change: (r: Report) => void = () => {}): Report {
  const row = { self: 0, family: 0, other: 0, total: 0 }
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
