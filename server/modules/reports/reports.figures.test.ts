import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { meetingAttendees, meetings } from '#server/db/schema/meetings.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { computeReport } from './compute-report.ts'
import { recordsFor, times } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const PERIOD = { from: '2020-09-01', to: '2021-08-31' }

describe('baseline', () => {
  it('uses the most recent baseline ending before `from`, or the one named; change treats null as 0', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    await r.addBaseline('平成30年度', '2018-04-01', '2019-03-31', {
      'cases.under40': 250,
      'cases.total': 280,
    })
    await r.addBaseline('令和元年度', '2019-04-01', '2020-03-31', {
      'cases.under40': 268,
      'cases.40plus': 39,
      'cases.unknown': null,
      'cases.total': 307,
    })
    await r.addBaseline('令和2年度', '2020-04-01', '2021-03-31', { 'cases.total': 1 }) // ends after `from`
    await r.addCase({ ageBand: 'under40' })
    await r.addCase({ ageBand: 'unknown' })

    const latest = (await computeReport(ctx.db, city.tenantId, PERIOD)).consultations.byAgeBand
    expect(latest.baseline).toEqual({
      label: '令和元年度',
      under40: 268,
      '40plus': 39,
      unknown: null,
      total: 307,
    })
    expect(latest.change).toEqual({ under40: -267, '40plus': -39, unknown: 1, total: -305 })

    const named = (await computeReport(ctx.db, city.tenantId, { ...PERIOD, baseline: '平成30年度' }))
      .consultations.byAgeBand
    expect(named.baseline).toEqual({
      label: '平成30年度',
      under40: 250,
      '40plus': null,
      unknown: null,
      total: 280,
    })
    expect(named.change).toEqual({ under40: -249, '40plus': 0, unknown: 1, total: -278 })

    const none = await computeReport(ctx.db, city.tenantId, { from: '2018-01-01', to: '2018-12-31' })
    expect(none.consultations.byAgeBand.baseline).toBeNull()
    expect(none.consultations.byAgeBand.change).toBeNull()
  })
})

describe('meetings', () => {
  it('counts meetings, distinct and all reviews, new routes and leads, distinct agencies', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const [npo, clinic, later, absent, planned] = [
      await r.addAgency('NPO'),
      await r.addAgency('医療機関'),
      await r.addAgency('後'),
      await r.addAgency('欠席'),
      await r.addAgency('予定'),
    ]
    const section = await r.sectionOf('kita')
    const a = await r.addCase({ intakeUnit: 'kita' })
    const b = await r.addCase({ handedOverOn: '2020-10-01', handedOverTo: 'kita' })
    const m1 = await r.addMeeting('kita', '2020-10-15', [npo, section])
    const m2 = await r.addMeeting('kita', '2020-11-15', [npo, clinic])
    const m3 = await r.addMeeting('sakyo', '2020-11-20')
    const after = await r.addMeeting('kita', '2021-09-15', [later])
    // Invited and not present, and present only at a meeting not yet held: neither counts.
    const m4 = await r.addMeeting('kita', '2020-12-01', [absent])
    await ctx.db
      .update(meetingAttendees)
      .set({ attended: false })
      .where(and(eq(meetingAttendees.tenantId, city.tenantId), eq(meetingAttendees.meetingId, m4)))
    const m5 = await r.addMeeting('kita', '2020-12-02', [planned])
    await ctx.db
      .update(meetings)
      .set({ status: 'scheduled' })
      .where(and(eq(meetings.tenantId, city.tenantId), eq(meetings.id, m5)))
    await r.addReview(m1, a, { kind: 'new', route: 'agency', lead: 'specialist' })
    await r.addReview(m1, b, { kind: 'new', route: 'window', lead: 'accompaniment' })
    await r.addReview(m2, a, { kind: 'continuing', lead: 'specialist' })
    await r.addReview(m2, b, { kind: 'continuing', lead: 'accompaniment' })
    await r.addReview(after, a, { kind: 'continuing', lead: 'rediscuss' })
    expect(m3).toBeTruthy()

    const m = (await computeReport(ctx.db, city.tenantId, PERIOD)).meetings
    expect(m).toEqual({
      held: 4,
      casesReviewed: 2,
      reviews: 4,
      newCaseRoutes: { window: 1, ward_section: 0, agency: 1 },
      newCaseLeads: { ward_section: 0, accompaniment: 1, specialist: 1, rediscuss: 0 },
      agencies: 2, // the ward section attending is not an outside organisation
    })
    const sakyo = (await computeReport(ctx.db, city.tenantId, { ...PERIOD, ward: 'sakyo' })).meetings
    expect(sakyo).toMatchObject({ held: 1, reviews: 0, agencies: 0 })
  })
})

describe('surveys', () => {
  const SATISFACTION = ['満足', 'やや満足', '普通', 'やや不満', '不満']

  it('single choice answered by all adds up to 100.0 (23 respondents: 1 → 4.4)', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const counts = [13, 4, 5, 1, 0]
    const answers = counts.flatMap((n, i) => times(n, () => SATISFACTION[i]!))
    await r.addSurvey(
      'S1',
      [{ no: 1, kind: 'single', options: SATISFACTION }],
      answers.map((label, i) => [`R${i}`, null, { 1: [label] }]),
    )
    const [s] = (await computeReport(ctx.db, city.tenantId, PERIOD)).surveys
    expect(s).toMatchObject({ surveyId: 'S1', audience: 'consulters', respondents: 23 })
    expect(s!.questions[0]!.options).toEqual([
      { label: '満足', count: 13, percent: 56.5 },
      { label: 'やや満足', count: 4, percent: 17.4 },
      { label: '普通', count: 5, percent: 21.7 },
      { label: 'やや不満', count: 1, percent: 4.4 },
      { label: '不満', count: 0, percent: 0 },
    ])
  })

  it('single choice with a blank answer rounds half up; multiple choice half up (9 of 16 → 56.3)', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const opts = ['はい', 'いいえ', 'その他']
    await r.addSurvey(
      'S2',
      [
        { no: 1, kind: 'multiple', options: opts },
        { no: 2, kind: 'single', options: ['A', 'B'] },
        { no: 3, kind: 'text', options: [] },
      ],
      times(16, (i): [string, null, Record<number, string[]>] => [
        `R${i}`,
        null,
        i === 15
          ? {}
          : { 1: i < 9 ? ['はい', 'その他'] : ['いいえ'], 2: [i < 5 ? 'A' : 'B'], 3: ['自由記述'] },
      ]),
      'agencies',
    )
    const [s] = (await computeReport(ctx.db, city.tenantId, PERIOD)).surveys
    expect(s!.respondents).toBe(16) // the respondent who left everything blank counts
    expect(s!.questions.map((q) => q.no)).toEqual([1, 2]) // free text is not counted
    expect(s!.questions[0]!.options).toEqual([
      { label: 'はい', count: 9, percent: 56.3 },
      { label: 'いいえ', count: 6, percent: 37.5 },
      { label: 'その他', count: 9, percent: 56.3 },
    ])
    // 5 ÷ 16 = 31.25 → 31.3 and 10 ÷ 16 = 62.5 → 62.5: half up, not forced to 100.0.
    expect(s!.questions[1]!.options).toEqual([
      { label: 'A', count: 5, percent: 31.3 },
      { label: 'B', count: 10, percent: 62.5 },
    ])
  })

  it('counts responses dated in the period, or all of a survey without dates', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    const q = [{ no: 1, kind: 'single', options: ['A', 'B'] }]
    await r.addSurvey('S1', q, [
      ['1', '2021-08-31', { 1: ['A'] }],
      ['2', '2021-09-01', { 1: ['B'] }],
      ['3', '2020-08-31', { 1: ['B'] }],
    ])
    await r.addSurvey('S2', q, [['1', null, { 1: ['B'] }]])
    await r.addSurvey('S3', q, [['1', '2022-01-01', { 1: ['A'] }]])
    const surveys = (await computeReport(ctx.db, city.tenantId, PERIOD)).surveys
    expect(surveys.map((s) => [s.surveyId, s.respondents])).toEqual([
      ['S1', 1],
      ['S2', 1],
    ])
    expect(surveys[0]!.questions[0]!.options).toEqual([
      { label: 'A', count: 1, percent: 100 },
      { label: 'B', count: 0, percent: 0 },
    ])
  })
})

describe('resources', () => {
  it('counts subsidised projects per fiscal year overlapping the period; a ward adds city-wide ones', async () => {
    const city = await ctx.newCity()
    const r = recordsFor(ctx.db, city.tenantId)
    await r.addResource([2021])
    await r.addResource([2020, 2021], 'kita')
    await r.addResource([2021], 'sakyo')
    await r.addResource([2022])
    await r.addResource([])
    const all = await computeReport(ctx.db, city.tenantId, PERIOD)
    expect(all.resources.subsidisedProjects).toEqual([
      { fiscalYear: 2020, count: 1 },
      { fiscalYear: 2021, count: 3 },
    ])
    const kita = await computeReport(ctx.db, city.tenantId, { ...PERIOD, ward: 'kita' })
    expect(kita.resources.subsidisedProjects).toEqual([
      { fiscalYear: 2020, count: 1 },
      { fiscalYear: 2021, count: 2 },
    ])
  })
})
