// The indicator sections beyond the seed's tables (docs/report-rules.md "Volumes" to "Web
// consultations"), laid out from their queries' rows: every code present, 0 when none matches.
import {
  COUNTERPARTS,
  type CodeList,
  NETWORK_MEETING_KINDS,
  REFERRAL_OUTCOMES,
  SUPPORT_ACTIVITIES,
  SUPPORT_GOALS,
} from '#shared/codes.ts'
import type { Report } from '#shared/contracts/reports.ts'
import { SEMINAR_KINDS } from '#shared/contracts/seminars.ts'
import { fiscalYearOf } from '#shared/dates.ts'
import { per100kHalfUp } from '#shared/percent.ts'
import type {
  countActivities,
  countLedAtEnd,
  countNetworkMeetings,
  countObservedChanges,
  countReferrals,
} from './accompaniment.sql.ts'
import type { countWebConsultations, SeminarRow } from './family-support.sql.ts'
import { monthsOf, type ReportOptions } from './report-period.ts'
import type { VolumeRow, WardPopulations } from './volumes.sql.ts'

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>

function keyed<C extends string, V>(list: CodeList<C>, value: (code: C) => V): { [K in C]: V } {
  return Object.fromEntries(list.map((c) => [c.code, value(c.code)])) as { [K in C]: V }
}

const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** A ward's population for a fiscal year, or the city's: the sum of its active wards', if all are entered. */
function populationOf(p: WardPopulations, ward: string | null, fy: number): number | null {
  if (ward) return p.byWardYear.get(`${ward}:${fy}`) ?? null
  const active = p.wards.filter((w) => w.active)
  const figures = active.map((w) => p.byWardYear.get(`${w.code}:${fy}`))
  if (active.length === 0 || figures.some((n) => n === undefined)) return null
  return sumOf(figures as number[])
}

function volumeOf(people: number, count: number, population: number | null) {
  return {
    people,
    count,
    peoplePer100k: per100kHalfUp(people, population),
    countPer100k: per100kHalfUp(count, population),
  }
}

export function volumesOf(
  o: ReportOptions,
  opened: Omit<VolumeRow, 'count'>[],
  contacts: (VolumeRow & { consultations: number })[],
  p: WardPopulations,
): Report['volumes'] {
  const scope = o.ward ?? null
  // grouping(month, ward): 3 the whole period, 1 one month, 2 one ward.
  const find = <R extends { g: number; month: string | null; ward: string | null }>(
    rows: R[],
    g: number,
    key: string | null,
  ) => rows.find((r) => r.g === g && (g === 1 ? r.month === key : g === 2 ? r.ward === key : true))
  const pair = (g: number, key: string | null, population: number | null) => {
    const o1 = find(opened, g, key)
    const c1 = find(contacts, g, key)
    return {
      consultations: volumeOf(o1?.people ?? 0, c1?.consultations ?? 0, population),
      contacts: volumeOf(c1?.people ?? 0, c1?.count ?? 0, population),
    }
  }
  const fy = fiscalYearOf(o.to)
  const population = populationOf(p, scope, fy)
  const wards = p.wards.filter((w) => !scope || w.code === scope)
  return {
    populationFiscalYear: fy,
    population,
    ...pair(3, null, population),
    monthly: monthsOf(o.from, o.to).map((month) => {
      const monthPopulation = populationOf(p, scope, fiscalYearOf(`${month}-01`))
      return { month, population: monthPopulation, ...pair(1, month, monthPopulation) }
    }),
    byWard: wards.map((w) => {
      const wardPopulation = populationOf(p, w.code, fy)
      return { ward: w.code, population: wardPopulation, ...pair(2, w.code, wardPopulation) }
    }),
  }
}

export function accompanimentOf(
  activities: Rows<typeof countActivities>,
  changes: Rows<typeof countObservedChanges>,
  led: Rows<typeof countLedAtEnd>,
): Report['accompaniment'] {
  const byKind = (kind: string | null) => {
    const row = activities.find((a) => a.kind === kind)
    return { count: row?.count ?? 0, cases: row?.cases ?? 0 }
  }
  return {
    activities: keyed(SUPPORT_ACTIVITIES, byKind),
    activitiesTotal: byKind(null),
    goals: keyed(SUPPORT_GOALS, (g) => led.find((r) => r.goal === g)?.cases ?? 0),
    changes,
    ledAtEnd: led.find((r) => r.goal === null)?.cases ?? 0,
  }
}

export function referralsOf(rows: Rows<typeof countReferrals>): Report['referrals'] {
  const byOutcome = keyed(REFERRAL_OUTCOMES, (x) => rows.find((r) => r.outcome === x)?.n ?? 0)
  return { byOutcome, total: sumOf(Object.values(byOutcome)) }
}

export function networkMeetingsOf(r: Rows<typeof countNetworkMeetings>): Report['networkMeetings'] {
  const held = keyed(NETWORK_MEETING_KINDS, (k) => r.held.find((x) => x.kind === k)?.n ?? 0)
  return { held: { ...held, total: sumOf(Object.values(held)) }, casesShared: r.casesShared }
}

export function familySupportOf(
  seminars: SeminarRow[],
  followUpSurveys: Report['surveys'],
): Report['familySupport'] {
  const total = (pick: (s: SeminarRow) => number) => sumOf(seminars.map(pick))
  const held = keyed(SEMINAR_KINDS, (k) => seminars.filter((s) => s.kind === k).length)
  return {
    held: { ...held, total: seminars.length },
    registrations: {
      confirmed: total((s) => s.confirmed),
      waitlisted: total((s) => s.waitlisted),
      cancelled: total((s) => s.cancelled),
      people: total((s) => s.registeredPeople),
    },
    attendance: {
      attended: total((s) => s.attended),
      absent: total((s) => s.absent),
      notRecorded: total((s) => s.notRecorded),
      people: total((s) => s.attendedPeople),
    },
    seminars: seminars.map((s) => ({
      kind: s.kind,
      title: s.title,
      heldOn: s.heldOn,
      ward: s.ward,
      capacity: s.capacity,
      registeredPeople: s.registeredPeople,
      attendedPeople: s.attendedPeople,
    })),
    followUpSurveys,
  }
}

export function webConsultationsOf(row: Rows<typeof countWebConsultations>): Report['webConsultations'] {
  return {
    received: row.received ?? 0,
    replied: row.replied ?? 0,
    linkedToCases: row.linkedToCases ?? 0,
    bySender: keyed(COUNTERPARTS, (k) => row[`sender.${k}`] ?? 0),
  }
}
