// A draft never states a figure the data does not hold: for random figures and for random
// cities' records, each finding's numerator and denominator are recomputed here from the report's
// own tables (independently of findings.ts), and every number in its sentence must be one of them,
// its value or its phrase.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import type { Finding, Report } from '#shared/contracts/reports.ts'
import { ratioFigure, shareFigure, trendFigure } from '#shared/proportion-phrase.ts'
import { computeReport } from './compute-report.ts'
import { draftFindings } from './findings.ts'
import { recordsFor } from './test-support.ts'

let ctx: TestContext
let empty: Report
beforeAll(async () => {
  ctx = await createTestContext()
  const city = await ctx.newCity()
  empty = await computeReport(ctx.db, city.tenantId, { from: '2020-09-01', to: '2021-08-31' })
})
afterAll(() => ctx.close())

/** A small deterministic generator (a linear congruential one) so a failure can be replayed. */
function randomFrom(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0
    return s / 2 ** 32
  }
  return { int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), next }
}
type Rand = ReturnType<typeof randomFrom>

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const split = (rand: Rand, total: number, parts: number) => {
  const cuts = Array.from({ length: parts - 1 }, () => rand.int(0, total)).sort((a, b) => a - b)
  return [...cuts, total].map((c, i) => c - (i === 0 ? 0 : cuts[i - 1]!))
}

/** The numerator and denominator of a finding, read off the report's tables by the spec's table. */
function recompute(r: Report, id: string): [number, number] {
  const c = r.consultations
  const routes = sum(Object.values(r.meetings.newCaseRoutes))
  const leads = sum(Object.values(r.meetings.newCaseLeads))
  const months = c.monthlyNewCases.map((m) => m.count)
  const byId: Record<string, () => [number, number]> = {
    consultations_vs_baseline: () => [c.total, c.byAgeBand.baseline!.total!],
    age40plus_vs_baseline: () => [c.byAgeBand.current['40plus'], c.byAgeBand.baseline!['40plus']!],
    single_share: () => [c.byContactCount.single, c.total],
    continuing_share: () => [c.byContactCount.continuing, c.total],
    family_share: () => [c.byFirstConsulter.family.count, c.total],
    agency_referral_share: () => [c.byRoute.agency_referral.count, c.total],
    meeting_agency_route_share: () => [r.meetings.newCaseRoutes.agency, routes],
    lead_accompaniment_share: () => [r.meetings.newCaseLeads.accompaniment, leads],
    lead_section_share: () => [r.meetings.newCaseLeads.ward_section, leads],
    monthly_trend: () => [sum(months.slice(-3)), sum(months.slice(0, 3))],
  }
  if (byId[id]) return byId[id]()
  const [, surveyId, no] = id.split(':')
  const s = r.surveys.find((x) => x.surveyId === surveyId)!
  const q = s.questions.find((x) => String(x.no) === no)!
  const counts = q.options.map((o) => o.count)
  if (q.kind === 'single' && counts.length >= 4) return [counts[0]! + counts[1]!, s.respondents]
  return [Math.max(...counts), s.respondents]
}

/** The findings a report must have: those whose denominator is there and not 0. */
function expectedIds(r: Report): string[] {
  const c = r.consultations
  const base = c.byAgeBand.baseline
  const ids: [string, number | null | undefined][] = [
    ['consultations_vs_baseline', base?.total],
    ['age40plus_vs_baseline', base?.['40plus']],
    ...(['single_share', 'continuing_share', 'family_share', 'agency_referral_share'] as const).map(
      (id) => [id, c.total] as [string, number],
    ),
    ['meeting_agency_route_share', sum(Object.values(r.meetings.newCaseRoutes))],
    ['lead_accompaniment_share', sum(Object.values(r.meetings.newCaseLeads))],
    ['lead_section_share', sum(Object.values(r.meetings.newCaseLeads))],
    ...r.surveys.flatMap((s) =>
      s.questions.map((q) => [`survey:${s.surveyId}:${q.no}`, s.respondents] as [string, number]),
    ),
  ]
  const months = c.monthlyNewCases
  const trend: [string, number][] =
    months.length >= 6 ? [['monthly_trend', sum(months.slice(0, 3).map((m) => m.count))]] : []
  return [...ids, ...trend].filter(([, d]) => d).map(([id]) => id)
}

/** Words in a sentence that hold digits but are names, not figures: labels, 和暦 months, 40歳以上. */
function withoutNames(r: Report, text: string): string {
  const names = [
    r.consultations.byAgeBand.baseline?.label ?? '',
    ...r.surveys.flatMap((s) => [
      s.title,
      ...s.questions.flatMap((q) => [q.question, ...q.options.map((o) => o.label.replace(/。$/u, ''))]),
    ]),
  ]
    .filter((n) => n)
    .sort((a, b) => b.length - a.length)
  let rest = text
  for (const name of names) rest = rest.split(name).join('')
  return rest.replace(/(令和|平成)(元|\d+)年\d+月/gu, '').replace(/40歳以上|3か月|2回以上/gu, '')
}

function checkFindings(r: Report) {
  expect(r.findings.map((f) => f.id)).toEqual(expectedIds(r))
  for (const f of r.findings) checkOne(r, f)
}

function checkOne(r: Report, f: Finding) {
  const [n, d] = recompute(r, f.id)
  expect([f.id, f.numerator, f.denominator]).toEqual([f.id, n, d])
  const kind =
    f.id === 'monthly_trend' ? trendFigure : f.id.endsWith('_vs_baseline') ? ratioFigure : shareFigure
  expect({ value: f.value, phrase: f.phrase }).toEqual(kind(n, d))
  expect(f.text).toContain(f.phrase)
  expect(f.text).toMatch(/でした。$|と回答しました。$/u)
  // Every number left once names and the phrase are taken out is a count, or the trend's ratio.
  const cited =
    withoutNames(r, f.text)
      .split(f.phrase)
      .join('')
      .match(/\d+(\.\d+)?/gu) ?? []
  const allowed = new Set([String(n), String(d), f.id === 'monthly_trend' ? f.value.toFixed(2) : ''])
  for (const figure of cited) expect(allowed, `${f.id}: ${f.text}`).toContain(figure)
  expect(cited, f.text).toContain(String(n))
}

/** Random figures over the whole range of shares, including empty tables and missing baselines. */
function randomReport(rand: Rand): Report {
  const r: Report = structuredClone(empty)
  const c = r.consultations
  const total = rand.next() < 0.1 ? 0 : rand.int(1, 600)
  const [under40, plus, unknown] = split(rand, total, 3) as [number, number, number]
  c.total = total
  c.byAgeBand.current = { under40, '40plus': plus, unknown, total }
  const baseNull = () => (rand.next() < 0.2 ? null : rand.int(0, 400))
  c.byAgeBand.baseline =
    rand.next() < 0.2
      ? null
      : { label: '令和元年度', under40: baseNull(), '40plus': baseNull(), unknown: null, total: baseNull() }
  const single = rand.int(0, total)
  c.byContactCount = { single, continuing: total - single }
  c.byFirstConsulter.family.count = rand.int(0, total)
  c.byRoute.agency_referral.count = rand.int(0, total)
  c.monthlyNewCases = Array.from({ length: rand.int(1, 14) }, (_, i) => ({
    month: `202${1 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    count: rand.int(0, 60),
  }))
  const routes = split(rand, rand.int(0, 80), 3)
  r.meetings.newCaseRoutes = { window: routes[0]!, ward_section: routes[1]!, agency: routes[2]! }
  const leads = split(rand, rand.int(0, 80), 4)
  r.meetings.newCaseLeads = {
    ward_section: leads[0]!,
    accompaniment: leads[1]!,
    specialist: leads[2]!,
    rediscuss: leads[3]!,
  }
  const respondents = rand.int(0, 40)
  r.surveys = [
    {
      surveyId: 'Q9',
      title: '第2回アンケート',
      audience: rand.next() < 0.5 ? 'agencies' : 'consulters',
      respondents,
      questions: [1, 2].map((no) => ({
        no,
        question: `問${no}の10項目`,
        kind: rand.next() < 0.5 ? ('single' as const) : ('multiple' as const),
        options: Array.from({ length: rand.int(1, 6) }, (_, i) => ({
          label: `選択肢${i + 1}（${i * 3}件まで）`,
          count: rand.int(0, respondents),
          percent: 0,
        })),
      })),
    },
  ]
  return { ...r, findings: draftFindings(r) }
}

describe('findings over random figures', () => {
  it('cite only figures recomputed from the report’s own tables (500 reports)', () => {
    for (let seed = 1; seed <= 500; seed++) checkFindings(randomReport(randomFrom(seed)))
  })

  it('draw the trend from months that have ended: a year under way is not 減少傾向 from the empty months ahead', () => {
    const r: Report = structuredClone(empty)
    // April to March; made in December: Apr–Jun 45, Sep–Nov 60, December partial, Jan–Mar ahead.
    const counts = [15, 15, 15, 20, 20, 20, 20, 20, 3, 0, 0, 0]
    r.consultations.monthlyNewCases = counts.map((count, i) => ({
      month: i < 9 ? `2026-${String(i + 4).padStart(2, '0')}` : `2027-0${i - 8}`,
      count,
    }))
    const whole = draftFindings(r).find((f) => f.id === 'monthly_trend')!
    expect([whole.numerator, whole.denominator, whole.phrase]).toEqual([0, 45, '減少傾向'])
    const inDecember = draftFindings(r, '2026-12').find((f) => f.id === 'monthly_trend')!
    expect([inDecember.numerator, inDecember.denominator, inDecember.phrase]).toEqual([60, 45, '増加傾向'])
    expect(inDecember.text).toContain('令和8年9月～令和8年11月')
    // Fewer than six ended months: no trend yet.
    expect(draftFindings(r, '2026-09').some((f) => f.id === 'monthly_trend')).toBe(false)
  })

  it('leave out what has no denominator: an empty city has no finding at all', () => {
    expect(empty.findings).toEqual([])
  })
})

describe('findings over random cities’ records', () => {
  it('cite only figures recomputed from the report of each city', async () => {
    for (const seed of [7, 8, 9]) {
      const rand = randomFrom(seed)
      const city = await ctx.newCity()
      const r = recordsFor(ctx.db, city.tenantId)
      await r.addBaseline('令和元年度', '2019-04-01', '2020-03-31', {
        'cases.40plus': rand.int(1, 30),
        'cases.total': rand.int(1, 60),
      })
      const agency = await r.addAgency('地域包括支援センター')
      const meeting = await r.addMeeting('nakagyo', '2021-02-10', [agency])
      for (let i = 0; i < rand.int(12, 30); i++) {
        const month = String(1 + rand.int(0, 11)).padStart(2, '0')
        const year = Number(month) >= 9 ? 2020 : 2021
        const caseId = await r.addCase({
          openedOn: `${year}-${month}-0${rand.int(1, 9)}`,
          ageBand: (['under40', '40plus', 'unknown'] as const)[rand.int(0, 2)],
          firstConsulter: (['self', 'family', 'agency', 'other'] as const)[rand.int(0, 3)],
          route: (['agency_referral', 'publicity', 'web'] as const)[rand.int(0, 2)],
        })
        const contacts = rand.int(0, 3)
        for (let k = 0; k < contacts; k++) await r.addContacts(caseId, { contactedOn: '2021-08-20' })
        if (rand.next() < 0.5) {
          await r.addReview(meeting, caseId, {
            kind: 'new',
            route: (['window', 'ward_section', 'agency'] as const)[rand.int(0, 2)],
            lead: (['ward_section', 'accompaniment', 'specialist', 'rediscuss'] as const)[rand.int(0, 3)],
          })
        }
      }
      const answers = Array.from({ length: rand.int(3, 12) }, (_, i) => [
        `R${i}`,
        '2021-03-01',
        { 1: [['満足', 'やや満足', '普通', '不満'][rand.int(0, 3)]!] },
      ]) as [string, string, Record<number, string[]>][]
      await r.addSurvey(
        'S1',
        [{ no: 1, kind: 'single', options: ['満足', 'やや満足', '普通', '不満'] }],
        answers,
      )

      const report = await computeReport(ctx.db, city.tenantId, { from: '2020-09-01', to: '2021-08-31' })
      expect(report.findings.length).toBeGreaterThanOrEqual(10)
      checkFindings(report)
    }
  }, 60_000)
})
