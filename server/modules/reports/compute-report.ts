// The report is one computation (docs/report-rules.md): aggregate queries on the database feed one
// Report object, which the JSON endpoint, the workbook, the HTML page and the CLI all render.
import { sql } from 'drizzle-orm'
import { PgTransaction } from 'drizzle-orm/pg-core'
import { type Db, embeddedClient } from '#server/db/client.ts'
import {
  EMBEDDED_REPORT_SETTINGS_SQL,
  RESET_EMBEDDED_REPORT_SETTINGS,
  reportSettingsSql,
  withReportSettings,
} from '#server/db/tenant-scope.ts'
import {
  AGE_BANDS,
  CASE_LEADS,
  CONTACT_METHODS,
  COUNTERPARTS,
  type CodeList,
  FIRST_CONSULTERS,
  NEW_CASE_ROUTES,
  ROUTES,
} from '#shared/codes.ts'
import type { Report } from '#shared/contracts/reports.ts'
import { tokyoDate } from '#shared/dates.ts'
import { percentsLargestRemainder } from '#shared/percent.ts'
import {
  countActivities,
  countLedAtEnd,
  countNetworkMeetings,
  countObservedChanges,
  countReferrals,
} from './accompaniment.sql.ts'
import { countConsultations, countWardIntake } from './consultations.sql.ts'
import { countWindowContacts } from './contacts.sql.ts'
import { countWebConsultations, findSeminarsHeld } from './family-support.sql.ts'
import { draftFindings } from './findings.ts'
import {
  accompanimentOf,
  familySupportOf,
  networkMeetingsOf,
  referralsOf,
  volumesOf,
  webConsultationsOf,
} from './indicators.ts'
import { countMeetings } from './meetings.sql.ts'
import { countSubsidisedProjects, findBaseline } from './reference.sql.ts'
import type { ReportOptions } from './report-period.ts'
import { summariseSurveys } from './survey-results.ts'
import { findVerification } from './verification.sql.ts'
import { countConsultationVolumes, findPopulations, monthlyNewCasesOf } from './volumes.sql.ts'

type Keyed<C extends string, V> = { [K in C]: V }

function keyed<C extends string, V>(list: CodeList<C>, value: (code: C) => V): Keyed<C, V> {
  return Object.fromEntries(list.map((c) => [c.code, value(c.code)])) as Keyed<C, V>
}

/** Counts with shares that add up to 100.0 (docs/report-rules.md: "rounded like a single-choice question"). */
function shares<C extends string>(list: CodeList<C>, counts: Keyed<C, number>, total: number) {
  const percents = percentsLargestRemainder(
    list.map((c) => counts[c.code]),
    total,
  )
  return keyed(list, (code) => ({
    count: counts[code],
    percent: percents[list.findIndex((c) => c.code === code)]!,
  }))
}

/**
 * Runs on the handle it is given. The sections are independent queries: on a PostgreSQL pool
 * they are started together and run side by side; in a transaction (one connection) they run one
 * after another, since node-postgres refuses a query started while its client runs another
 * (deprecated in pg 8, an error in pg 9).
 */
/** `asOf`: when the report is made (months from then on are left out of the drafted trend). */
export async function computeReport(
  db: Db,
  tenantId: string,
  o: ReportOptions,
  asOf?: Date,
): Promise<Report> {
  const embedded = embeddedClient(db)
  if (!embedded) return computeFigures(db, tenantId, o, asOf)
  // The embedded store's one connection: the report's settings for the report's time. Another
  // request's statements in between run with them too, which only gives them more memory.
  for (const statement of EMBEDDED_REPORT_SETTINGS_SQL) await embedded.query(statement)
  try {
    return await computeFigures(db, tenantId, o, asOf)
  } finally {
    for (const statement of RESET_EMBEDDED_REPORT_SETTINGS) await embedded.query(statement)
  }
}

async function computeFigures(db: Db, tenantId: string, o: ReportOptions, asOf?: Date): Promise<Report> {
  // On a pool the indicator sections start beside the seed's; a transaction runs them in turn.
  const mainSections = () =>
    allSections(db, [
      () => countConsultations(db, tenantId, o),
      () => findBaseline(db, tenantId, o),
      () => countWindowContacts(db, tenantId, o),
      () => countMeetings(db, tenantId, o),
      () => countWardIntake(db, tenantId, o),
      () => summariseSurveys(db, tenantId, o),
      () => countSubsidisedProjects(db, tenantId, o),
    ] as const)
  const [
    [c, base, { cells, monthlyInPerson, volumes, continuing }, m, wardIntake, surveys, subsidisedProjects],
    { opened, populations, ...indicators },
  ] = await bothInTurnOnTransaction(db, mainSections, () => computeIndicators(db, tenantId, o))
  const current = { ...keyed(AGE_BANDS, (b) => c[`age.${b}`] ?? 0), total: c.total }
  const baseline = base
    ? {
        label: base.label,
        ...keyed(AGE_BANDS, (b) => base.values.get(`cases.${b}`) ?? null),
        total: base.values.get('cases.total') ?? null,
      }
    : null
  const change = baseline
    ? {
        ...keyed(AGE_BANDS, (b) => current[b] - (baseline[b] ?? 0)),
        total: current.total - (baseline.total ?? 0),
      }
    : null

  const cell = (method: string, counterpart: string) =>
    cells.find((x) => x.method === method && x.counterpart === counterpart)?.n ?? 0
  const rowOf = (method: string | null) => {
    const values = keyed(COUNTERPARTS, (who) =>
      method ? cell(method, who) : CONTACT_METHODS.reduce((sum, m) => sum + cell(m.code, who), 0),
    )
    return { ...values, total: COUNTERPARTS.reduce((sum, who) => sum + values[who.code], 0) }
  }

  const figures = {
    period: { from: o.from, to: o.to, ward: o.ward ?? null },
    consultations: {
      total: c.total,
      byAgeBand: { current, baseline, change },
      // 図2 is the month rows of the consultations' volumes, counted once.
      monthlyNewCases: monthlyNewCasesOf(o, opened),
      byContactCount: { single: c.total - continuing, continuing },
      contacts: { byMethod: keyed(CONTACT_METHODS, (method) => rowOf(method)), total: rowOf(null) },
      monthlyInPerson,
      outcomesAtEnd: { handed_over: c.handed_over, closed: c.closed, open: c.open },
      byFirstConsulter: shares(
        FIRST_CONSULTERS,
        keyed(FIRST_CONSULTERS, (f) => c[`consulter.${f}`] ?? 0),
        c.total,
      ),
      byRoute: shares(
        ROUTES,
        keyed(ROUTES, (r) => c[`route.${r}`] ?? 0),
        c.total,
      ),
    },
    wardIntake,
    meetings: {
      held: m.held,
      casesReviewed: m.casesReviewed,
      reviews: m.reviews,
      newCaseRoutes: keyed(NEW_CASE_ROUTES, (r) => m[`route.${r}`] ?? 0),
      newCaseLeads: keyed(CASE_LEADS, (l) => m[`lead.${l}`] ?? 0),
      agencies: m.agencies,
    },
    surveys,
    resources: { subsidisedProjects },
    // The contacts' volumes come from the read of contacts that 表3 and 図3 share.
    volumes: volumesOf(o, opened, volumes, populations),
    ...indicators,
  }
  // Drafted from the figures just computed: no further query (the report's time targets hold).
  return { ...figures, findings: draftFindings(figures, asOf && tokyoDate(asOf).slice(0, 7)) }
}

/**
 * The sections beyond the seed's tables, and the volumes' own counts (laid out with the contacts'
 * by computeReport); a seminar's follow-up survey is summarised once the seminars are known.
 */
async function computeIndicators(db: Db, tenantId: string, o: ReportOptions) {
  const [opened, populations, activities, changes, led, referrals, network, seminars, web, verification] =
    await allSections(db, [
      () => countConsultationVolumes(db, tenantId, o),
      () => findPopulations(db, tenantId, o),
      () => countActivities(db, tenantId, o),
      () => countObservedChanges(db, tenantId, o),
      () => countLedAtEnd(db, tenantId, o),
      () => countReferrals(db, tenantId, o),
      () => countNetworkMeetings(db, tenantId, o),
      () => findSeminarsHeld(db, tenantId, o),
      () => countWebConsultations(db, tenantId, o),
      () => findVerification(db, tenantId, o),
    ] as const)
  const surveyIds = [...new Set(seminars.flatMap((s) => (s.followUpSurveyId ? [s.followUpSurveyId] : [])))]
  const followUps = await summariseSurveys(db, tenantId, o, surveyIds)
  return {
    opened,
    populations,
    accompaniment: accompanimentOf(activities, changes, led),
    referrals: referralsOf(referrals),
    networkMeetings: networkMeetingsOf(network),
    familySupport: familySupportOf(seminars, followUps),
    webConsultations: webConsultationsOf(web),
    verification,
  }
}

/** Two groups of sections: side by side on a pool, one after the other on a transaction. */
async function bothInTurnOnTransaction<A, B>(
  db: Db,
  a: () => Promise<A>,
  b: () => Promise<B>,
): Promise<[A, B]> {
  if (!(db instanceof PgTransaction)) return Promise.all([a(), b()])
  return [await a(), await b()]
}

type Results<T extends readonly (() => Promise<unknown>)[]> = {
  -readonly [K in keyof T]: Awaited<ReturnType<T[K]>>
}

/**
 * Each section's result, in order: side by side on a pool, in turn on a transaction's connection.
 * With the report's settings either way (tenant-scope.ts REPORT_SETTINGS: no JIT, more work_mem;
 * SET LOCAL in a transaction, so they end with it). PGlite's one connection gets them for the
 * report's time in computeReport (it has no JIT; the setting exists there and changes nothing).
 */
async function allSections<T extends readonly (() => Promise<unknown>)[]>(
  db: Db,
  sections: T,
): Promise<Results<T>> {
  if (!(db instanceof PgTransaction)) {
    return (await withReportSettings(() => Promise.all(sections.map((run) => run())))) as Results<T>
  }
  for (const statement of reportSettingsSql(true)) await db.execute(sql.raw(statement))
  const results: unknown[] = []
  for (const run of sections) results.push(await run())
  return results as Results<T>
}
