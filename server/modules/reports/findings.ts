// The drafted findings (所見の下書き, docs/report-rules.md "Findings"): the sentences the seed
// report wrote by hand, drafted from the figures the report has already computed. No query runs
// here, so the findings cost nothing against the report's time targets, and every figure a
// sentence cites is one the report itself shows.

import type { Finding, Report } from '#shared/contracts/reports.ts'
import { formatWareki } from '#shared/dates.ts'
import {
  formatHundredths,
  ratioFigure,
  ratioHundredths,
  shareFigure,
  trendFigure,
} from '#shared/proportion-phrase.ts'

type Figures = Omit<Report, 'findings'>
type Draft = Omit<Finding, 'text'> & { text: string }

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

/** 2020-09 → 令和2年9月 */
const monthLabel = (month: string) => formatWareki(`${month}-01`).replace(/\d+日$/u, '')

/** An option's label as quoted in a sentence: the seed quotes 「…できた」 without its 。 */
const quoted = (label: string) => `「${label.replace(/。$/u, '')}」`

function ratio(
  id: string,
  numerator: number,
  denominator: number | null,
  sentence: (phrase: string) => string,
) {
  if (!denominator) return null
  const { value, phrase } = ratioFigure(numerator, denominator)
  return { id, text: sentence(phrase), numerator, denominator, value, phrase }
}

/** "<whole>のうち、<subject>は<n>件（<phrase>）でした。" — the count and its share side by side. */
function share(id: string, numerator: number, denominator: number, sentence: (phrase: string) => string) {
  if (denominator <= 0) return null
  const { value, phrase } = shareFigure(numerator, denominator)
  return { id, text: sentence(phrase), numerator, denominator, value, phrase }
}

function baselineFindings(r: Figures): (Draft | null)[] {
  const base = r.consultations.byAgeBand.baseline
  if (!base) return []
  const against = `比較基準（${base.label}）`
  const total = r.consultations.total
  const plus = r.consultations.byAgeBand.current['40plus']
  // At 1.0 or more the seed's own wording (「…の1.3倍となる411件」); below it the share of the baseline.
  const sentence = (subject: string, n: number, d: number) => (phrase: string) =>
    phrase.endsWith('倍')
      ? `${subject}は${against}の${phrase}となる${n}件でした。`
      : `${subject}は${n}件で、${against}の${d}件の${phrase}でした。`
  return [
    ratio('consultations_vs_baseline', total, base.total, sentence('相談件数', total, base.total ?? 0)),
    ratio(
      'age40plus_vs_baseline',
      plus,
      base['40plus'],
      sentence('40歳以上の当事者に関する相談件数', plus, base['40plus'] ?? 0),
    ),
  ]
}

function consultationFindings(r: Figures): (Draft | null)[] {
  const c = r.consultations
  const of = (subject: string, n: number) => (phrase: string) =>
    `相談${c.total}件のうち、${subject}は${n}件（${phrase}）でした。`
  const family = c.byFirstConsulter.family.count
  const referral = c.byRoute.agency_referral.count
  return [
    share(
      'single_share',
      c.byContactCount.single,
      c.total,
      of('一度の相談で終わったケース', c.byContactCount.single),
    ),
    share(
      'continuing_share',
      c.byContactCount.continuing,
      c.total,
      of('2回以上の継続した相談対応を行ったケース', c.byContactCount.continuing),
    ),
    share('family_share', family, c.total, of('家族からの相談', family)),
    share('agency_referral_share', referral, c.total, of('関係機関の紹介で相談につながったケース', referral)),
  ]
}

function meetingFindings(r: Figures): (Draft | null)[] {
  const m = r.meetings
  const routed = sum(Object.values(m.newCaseRoutes))
  const led = sum(Object.values(m.newCaseLeads))
  const agency = m.newCaseRoutes.agency
  const leadOf = (subject: string, n: number) => (phrase: string) =>
    `支援調整会議で新たに主担当を決めた${led}件のうち、${subject}が主担当となった件数は${n}件（${phrase}）でした。`
  return [
    share(
      'meeting_agency_route_share',
      agency,
      routed,
      (phrase) =>
        `支援調整会議に新たに諮られた${routed}ケースのうち、関係機関等からの情報提供でつながったケースは${agency}件（${phrase}）でした。`,
    ),
    share(
      'lead_accompaniment_share',
      m.newCaseLeads.accompaniment,
      led,
      leadOf('よりそい支援員', m.newCaseLeads.accompaniment),
    ),
    share(
      'lead_section_share',
      m.newCaseLeads.ward_section,
      led,
      leadOf('保健福祉センターの各課・室', m.newCaseLeads.ward_section),
    ),
  ]
}

/**
 * Per question: a single choice of four or more options (a satisfaction scale) is summed over its
 * first two options (「満足」又は「やや満足」); any other question cites its most chosen option,
 * the earliest on a tie.
 */
function surveyFindings(r: Figures): (Draft | null)[] {
  return r.surveys.flatMap((s) => {
    const unit = s.audience === 'agencies' ? '機関' : '人'
    return s.questions.map((q) => {
      if (q.options.length === 0) return null
      const top = q.kind === 'single' && q.options.length >= 4
      const cited = top
        ? q.options.slice(0, 2)
        : [q.options.reduce((best, o) => (o.count > best.count ? o : best), q.options[0]!)]
      const n = sum(cited.map((o) => o.count))
      const answers = cited.map((o) => quoted(o.label)).join('又は')
      return share(
        `survey:${s.surveyId}:${q.no}`,
        n,
        s.respondents,
        (phrase) =>
          `${s.title}の「${q.question}」では、回答した${s.respondents}${unit}のうち${n}${unit}（${phrase}）が${answers}と回答しました。`,
      )
    })
  })
}

/**
 * 図2: the mean of the last three months against the first three; six months at least. Only
 * months that have ended count: a year still under way would otherwise read as 減少傾向 from
 * the empty months ahead (and the current month, only partly counted).
 */
function trendFinding(r: Figures, currentMonth: string | undefined): Draft | null {
  const months = r.consultations.monthlyNewCases.filter((m) => !currentMonth || m.month < currentMonth)
  if (months.length < 6) return null
  const first = months.slice(0, 3)
  const last = months.slice(-3)
  const firstSum = sum(first.map((m) => m.count))
  const lastSum = sum(last.map((m) => m.count))
  if (firstSum <= 0) return null
  const { value, phrase } = trendFigure(lastSum, firstSum)
  const span = (ms: typeof first) => `${monthLabel(ms[0]!.month)}～${monthLabel(ms[2]!.month)}`
  return {
    id: 'monthly_trend',
    text: `月別の新規相談件数は、最初の3か月（${span(first)}）の計${firstSum}件に対し、最後の3か月（${span(last)}）は計${lastSum}件（${formatHundredths(ratioHundredths(lastSum, firstSum))}倍）で、${phrase}でした。`,
    numerator: lastSum,
    denominator: firstSum,
    value,
    phrase,
  }
}

/**
 * The findings in the documented order, leaving out those whose denominator is 0 or missing.
 * `currentMonth` (YYYY-MM, Tokyo) is the month under way when the report is made.
 */
export function draftFindings(r: Figures, currentMonth?: string): Finding[] {
  return [
    ...baselineFindings(r),
    ...consultationFindings(r),
    ...meetingFindings(r),
    ...surveyFindings(r),
    trendFinding(r, currentMonth),
  ].filter((f): f is Draft => f !== null)
}
