// The seed city: a ledger generated from the seed report’s published figures, imported with the
// real importer (fixtures/make-seed-city.ts). Reporting over 令和2年9月～令和3年8月 must print them exactly.

import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importLedger } from '#server/modules/interchange/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import type { Report } from '#shared/contracts/reports.ts'
import { computeReport } from './compute-report.ts'
import { SEED_CITY_DIR } from './fixtures/make-seed-city.ts'

let ctx: TestContext
let report: Report
beforeAll(async () => {
  ctx = await createTestContext()
  const city = await ctx.newCity('京都市')
  const paths = readdirSync(SEED_CITY_DIR).map((f) => `${SEED_CITY_DIR}${f}`)
  const imported = await importLedger(ctx.db, city.tenantId, paths, {
    dryRun: false,
    actor: null,
    now: ctx.clock.now(),
  })
  expect(imported.errors).toEqual([])
  expect(imported.warnings).toEqual([])
  expect(imported.ok).toBe(true)
  report = await computeReport(ctx.db, city.tenantId, { from: '2020-09-01', to: '2021-08-31' })
}, 120_000)
afterAll(() => ctx.close())

const options = (tableNo: number) => {
  const q = report.surveys.flatMap((s) => s.questions.map((question) => ({ s, question })))[tableNo - 4]!
  return { respondents: q.s.respondents, rows: q.question.options.map((o) => [o.label, o.count, o.percent]) }
}

describe('the seed report, reproduced from the seed city’s ledger', () => {
  it('表2 相談件数: 411 against 令和元年度’s 307', () => {
    expect(report.consultations.total).toBe(411)
    expect(report.consultations.byAgeBand).toEqual({
      current: { under40: 210, '40plus': 134, unknown: 67, total: 411 },
      baseline: { label: '令和元年度', under40: 268, '40plus': 39, unknown: null, total: 307 },
      change: { under40: -58, '40plus': 95, unknown: 67, total: 104 },
    })
  })

  it('図2: 78 in September, 48 in October; 図3: 325 in-person contacts', () => {
    const monthly = report.consultations.monthlyNewCases
    expect(monthly.slice(0, 2)).toEqual([
      { month: '2020-09', count: 78 },
      { month: '2020-10', count: 48 },
    ])
    expect(monthly).toHaveLength(12)
    expect(monthly.reduce((s, m) => s + m.count, 0)).toBe(411)
    expect(report.consultations.monthlyInPerson.reduce((s, m) => s + m.count, 0)).toBe(325)
  })

  it('表3: cases by contacts, 延べ対応回数 and the outcome at the end of August 2021', () => {
    const c = report.consultations
    expect(c.byContactCount).toEqual({ single: 140, continuing: 271 })
    expect(c.contacts).toEqual({
      byMethod: {
        phone: { self: 181, family: 741, other: 141, total: 1063 },
        in_person: { self: 124, family: 199, other: 2, total: 325 },
        mail: { self: 7, family: 42, other: 4, total: 53 },
        visit: { self: 11, family: 4, other: 1, total: 16 },
        other: { self: 15, family: 10, other: 0, total: 25 },
      },
      total: { self: 338, family: 996, other: 148, total: 1482 },
    })
    expect(c.outcomesAtEnd).toEqual({ handed_over: 15, closed: 311, open: 85 })
  })

  it('図5 and routes: 本人 about 15%, 家族 6割, 関係機関の紹介 about half, adding up to 100.0', () => {
    const c = report.consultations
    expect(c.byFirstConsulter.self.percent).toBeCloseTo(15.1, 5)
    expect(c.byFirstConsulter.family.percent).toBeCloseTo(60.1, 5)
    expect(c.byRoute.agency_referral.percent).toBeCloseTo(49.9, 5)
    const sum = (xs: { percent: number }[]) => Math.round(xs.reduce((s, x) => s + x.percent * 10, 0))
    expect(sum(Object.values(c.byFirstConsulter))).toBe(1000)
    expect(sum(Object.values(c.byRoute))).toBe(1000)
  })

  it('支援調整会議実績: 62 meetings, 55 cases (122 reviews), routes, leads and 20 agencies', () => {
    expect(report.meetings).toEqual({
      held: 62,
      casesReviewed: 55,
      reviews: 122,
      newCaseRoutes: { window: 13, ward_section: 11, agency: 31 },
      newCaseLeads: { ward_section: 11, accompaniment: 32, specialist: 7, rediscuss: 5 },
      agencies: 20,
    })
  })

  it('表4: satisfaction of 23 consulters, adding up to 100.0', () => {
    expect(options(4)).toEqual({
      respondents: 23,
      rows: [
        ['満足', 13, 56.5],
        ['やや満足', 4, 17.4],
        ['普通', 5, 21.7],
        ['やや不満', 1, 4.4],
        ['不満', 0, 0],
      ],
    })
  })

  it('表5–表7: 15 supported people (multiple answers)', () => {
    expect(options(5)).toEqual({
      respondents: 15,
      rows: [
        ['ひきこもりに特化した就学・就労支援', 10, 66.7],
        ['定期的に話を聞いてほしい。', 7, 46.7],
        ['本人向けの居場所', 4, 26.7],
        ['定期的な自宅（又は自宅の近く）への訪問', 2, 13.3],
        ['家族向け研修会・講演会', 2, 13.3],
        ['定期的な情報提供（毎月のお便りなど）', 2, 13.3],
        ['家族会・家族交流会', 1, 6.7],
      ],
    })
    expect(options(6).rows).toEqual([
      ['自宅（又はご希望の場所）での定期的な傾聴', 9, 60],
      ['就学・就労に向けた支援', 7, 46.7],
      ['本人へのアプローチ', 3, 20],
      ['行政以外のひきこもり支援団体への同行', 3, 20],
      ['手紙、メール、電話での定期的な傾聴', 2, 13.3],
      ['行政サービス利用などの手続きに関する支援', 1, 6.7],
      ['その他', 3, 20],
    ])
    expect(options(7).rows).toEqual([
      ['就労', 10, 66.7],
      ['コミュニケーション能力の向上等', 3, 20],
      ['無回答', 3, 20],
    ])
  })

  it('表8: 16 agencies on the support coordination meeting (9 ÷ 16 = 56.3)', () => {
    expect(options(8)).toEqual({
      respondents: 16,
      rows: [
        ['支援について、多角的に考える場ができた。', 9, 56.3],
        ['行政や他の関係機関の実施している支援内容を知ることができた。', 6, 37.5],
        ['行政や他の関係機関との連携が深まったと感じる。', 5, 31.3],
        ['支援のノウハウの蓄積に役立つと感じる。', 5, 31.3],
        ['つなぎ先が増え、支援が途切れにくくなったと感じる。', 4, 25],
        ['その他', 1, 6.3],
      ],
    })
    expect(report.surveys.map((s) => [s.surveyId, s.audience, s.respondents])).toEqual([
      ['S1', 'consulters', 23],
      ['S2', 'supported', 15],
      ['S3', 'agencies', 16],
    ])
  })

  it('8 subsidised projects adopted in 令和3年度', () => {
    expect(report.resources.subsidisedProjects).toEqual([
      { fiscalYear: 2020, count: 0 },
      { fiscalYear: 2021, count: 8 },
    ])
  })
})

describe('the seed report’s findings, drafted by the rule', () => {
  const row = (id: string) => {
    const f = report.findings.find((x) => x.id === id)
    return f && [f.numerator, f.denominator, f.value, f.phrase]
  }

  it('drafts every finding, in the documented order', () => {
    expect(report.findings.map((f) => f.id)).toEqual([
      'consultations_vs_baseline',
      'age40plus_vs_baseline',
      'single_share',
      'continuing_share',
      'family_share',
      'agency_referral_share',
      'meeting_agency_route_share',
      'lead_accompaniment_share',
      'lead_section_share',
      'survey:S1:1',
      'survey:S2:1',
      'survey:S2:2',
      'survey:S2:3',
      'survey:S3:1',
      'monthly_trend',
    ])
  })

  it('states the seed’s 1.3倍 and 3.4倍 in its own words', () => {
    expect(row('consultations_vs_baseline')).toEqual([411, 307, 1.3, '1.3倍'])
    expect(report.findings[0]!.text).toBe('相談件数は比較基準（令和元年度）の1.3倍となる411件でした。')
    expect(row('age40plus_vs_baseline')).toEqual([134, 39, 3.4, '3.4倍'])
    expect(report.findings[1]!.text).toBe(
      '40歳以上の当事者に関する相談件数は比較基準（令和元年度）の3.4倍となる134件でした。',
    )
  })

  it('single and continuing contact, 家族 6割 and 関係機関の紹介 約半数', () => {
    expect(row('single_share')).toEqual([140, 411, 34.1, '3割以上'])
    expect(row('continuing_share')).toEqual([271, 411, 65.9, '7割弱'])
    expect(row('family_share')).toEqual([247, 411, 60.1, '6割'])
    expect(row('agency_referral_share')).toEqual([205, 411, 49.9, '約半数'])
    expect(report.findings.find((f) => f.id === 'agency_referral_share')!.text).toBe(
      '相談411件のうち、関係機関の紹介で相談につながったケースは205件（約半数）でした。',
    )
  })

  it('meetings: 55ケースのうち6割弱 through agencies, よりそい支援員 6割弱 (the seed: 約6割), 各課・室 2割', () => {
    expect(row('meeting_agency_route_share')).toEqual([31, 55, 56.4, '6割弱'])
    expect(report.findings.find((f) => f.id === 'meeting_agency_route_share')!.text).toBe(
      '支援調整会議に新たに諮られた55ケースのうち、関係機関等からの情報提供でつながったケースは31件（6割弱）でした。',
    )
    expect(row('lead_accompaniment_share')).toEqual([32, 55, 58.2, '6割弱'])
    expect(row('lead_section_share')).toEqual([11, 55, 20, '2割'])
  })

  it('surveys: 7割以上 「満足」又は「やや満足」; the agencies’ 「多角的に考える場」 6割弱', () => {
    expect(row('survey:S1:1')).toEqual([17, 23, 73.9, '7割以上'])
    expect(report.findings.find((f) => f.id === 'survey:S1:1')!.text).toBe(
      '「よりそい・つなぐ」相談窓口アンケートの「「よりそい・つなぐ」相談窓口の対応への満足度」では、回答した23人のうち17人（7割以上）が「満足」又は「やや満足」と回答しました。',
    )
    expect(row('survey:S2:1')).toEqual([10, 15, 66.7, '7割弱'])
    expect(row('survey:S2:2')).toEqual([9, 15, 60, '6割'])
    expect(row('survey:S2:3')).toEqual([10, 15, 66.7, '7割弱'])
    expect(row('survey:S3:1')).toEqual([9, 16, 56.3, '6割弱'])
    expect(report.findings.find((f) => f.id === 'survey:S3:1')!.text).toContain(
      '回答した16機関のうち9機関（6割弱）が「支援について、多角的に考える場ができた」と回答しました。',
    )
  })

  it('図2: 78, 48, 30 at the start against 29, 30, 28 at the end is 減少傾向', () => {
    expect(row('monthly_trend')).toEqual([87, 156, 0.56, '減少傾向'])
    expect(report.findings.at(-1)!.text).toBe(
      '月別の新規相談件数は、最初の3か月（令和2年9月～令和2年11月）の計156件に対し、最後の3か月（令和3年6月～令和3年8月）は計87件（0.56倍）で、減少傾向でした。',
    )
  })
})
