import { randomUUID } from 'node:crypto'
import { and, eq, notInArray, sql } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '#server/db/client.ts'
import {
  caseStudyShares,
  inquiryMessages,
  inquiryThreads,
  networkMeetings,
  observedChanges,
  referrals,
  reportVerifications,
  resources,
  seminarRegistrations,
  seminars,
  supportActivities,
  supportPlans,
  surveys,
  wardPopulations,
  wards,
} from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { reportSchema } from '#shared/contracts/reports.ts'
import { computeReport } from './compute-report.ts'
import { renderReportHtml } from './render-html.ts'
import { renderReportXlsx } from './render-xlsx.ts'
import { recordsFor } from './test-support.ts'

// The indicator sections beyond the seed's tables (docs/report-rules.md "Volumes" onwards), each
// figure against values worked out by hand from this small fixture. The period spans two fiscal
// years: March 2021 is 令和2年度, April 2021 令和3年度.

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const PERIOD = { from: '2021-03-01', to: '2021-04-30' }
const staff = randomUUID()

/** The city keeps two active wards, kita and sakyo; sakyo's 令和2年度 population is missing. */
async function twoWardCity(db: Db, tenantId: string) {
  await db
    .update(wards)
    .set({ active: false })
    .where(and(eq(wards.tenantId, tenantId), notInArray(wards.code, ['kita', 'sakyo'])))
  await db.insert(wardPopulations).values([
    { tenantId, wardCode: 'kita', fiscalYear: 2020, population: 120_000 },
    { tenantId, wardCode: 'kita', fiscalYear: 2021, population: 117_000 },
    { tenantId, wardCode: 'sakyo', fiscalYear: 2021, population: 183_000 },
  ])
}

async function fixture(db: Db, tenantId: string) {
  const r = recordsFor(db, tenantId)
  await twoWardCity(db, tenantId)

  // Volumes: window cases A, B, D opened in the period; C carried over; E taken in at a ward centre.
  const a = await r.addCase({ openedOn: '2021-03-05', ward: 'kita' })
  await r.addContacts(
    a,
    { contactedOn: '2021-03-05' },
    { contactedOn: '2021-03-20' },
    { contactedOn: '2021-04-02' },
  )
  const b = await r.addCase({ openedOn: '2021-04-10', ward: 'sakyo' })
  await r.addContacts(b, { contactedOn: '2021-04-10' })
  const c = await r.addCase({ openedOn: '2021-02-01', ward: 'kita' })
  await r.addContacts(c, { contactedOn: '2021-02-01' }, { contactedOn: '2021-03-15' })
  await r.addCase({ openedOn: '2021-04-20', ward: 'kita' })
  const e = await r.addCase({ openedOn: '2021-03-01', intakeUnit: 'kita', ward: 'kita' })
  await r.addContacts(e, { contactedOn: '2021-03-02' })

  // よりそい支援員: H1 handed over to kita, H2 taken in by sakyo, H3 handed to kita and closed in April.
  const h1 = await r.addCase({ openedOn: '2020-06-01', handedOverOn: '2020-07-01', handedOverTo: 'kita' })
  const h2 = await r.addCase({ openedOn: '2020-05-01', intakeUnit: 'sakyo', ward: 'sakyo' })
  const h3 = await r.addCase({
    openedOn: '2020-06-01',
    handedOverOn: '2020-07-01',
    handedOverTo: 'kita',
    closedOn: '2021-04-15',
  })
  const kitaMeeting = await r.addMeeting('kita', '2021-01-10')
  await r.addReview(kitaMeeting, h1, { lead: 'accompaniment' })
  await r.addReview(kitaMeeting, h3, { lead: 'accompaniment' })
  await r.addReview(await r.addMeeting('sakyo', '2021-02-10'), h2, { lead: 'accompaniment' })
  // Decided after the end, and at a meeting not (yet) held: neither is the lead at the end.
  await r.addReview(await r.addMeeting('kita', '2021-05-10'), h1, { lead: 'ward_section' })
  const scheduled = await r.addMeeting('kita', '2021-04-01')
  await r.addReview(scheduled, h1, { lead: 'specialist' })
  await db.execute(
    // Through SQL: the helper records meetings as held.
    sql`update meetings set status = 'scheduled' where tenant_id = ${tenantId} and id = ${scheduled}`,
  )
  await db.insert(supportPlans).values([
    { tenantId, caseId: h1, goals: ['employment', 'ibasho'] },
    { tenantId, caseId: h2, goals: ['ibasho'] },
    { tenantId, caseId: h3, goals: ['employment'] },
  ])
  const activity = (caseId: string, doneOn: string, kind: string) => ({
    tenantId,
    caseId,
    doneOn,
    kind,
    accountId: staff,
  })
  await db
    .insert(supportActivities)
    .values([
      activity(h1, '2021-03-03', 'home_listening'),
      activity(h1, '2021-03-10', 'home_listening'),
      activity(h1, '2021-04-01', 'accompany'),
      activity(h2, '2021-04-05', 'home_listening'),
      activity(h1, '2021-02-28', 'procedures'),
    ])
  await db.insert(observedChanges).values(
    [
      [h1, '2021-03-15'],
      [h1, '2021-04-15'],
      [h2, '2021-05-01'],
    ].map(([caseId, observedOn]) => ({
      tenantId,
      caseId: caseId!,
      observedOn: observedOn!,
      note: '変化',
      accountId: staff,
    })),
  )
  const [resource] = await db
    .insert(resources)
    .values({ tenantId, resourceNo: 'R1', name: '居場所' })
    .returning({ id: resources.id })
  const referral = (caseId: string, referredOn: string, outcome: string, outcomeOn: string | null) => ({
    tenantId,
    caseId,
    resourceId: resource!.id,
    referredOn,
    outcome,
    outcomeOn,
    accountId: staff,
  })
  await db
    .insert(referrals)
    .values([
      referral(h1, '2021-03-01', 'connected', '2021-04-01'),
      referral(h1, '2021-03-20', 'not_used', '2021-05-10'),
      referral(h2, '2021-04-01', 'arranging', null),
      referral(h2, '2021-02-01', 'connected', '2021-02-10'),
    ])
  const network = async (kind: string, heldOn: string) => {
    const [m] = await db
      .insert(networkMeetings)
      .values({ tenantId, kind, title: '会議', heldOn })
      .returning({ id: networkMeetings.id })
    return m!.id
  }
  const study = await network('case_study', '2021-03-10')
  await network('coordinators', '2021-04-12')
  const later = await network('case_study', '2021-05-01')
  const share = (meetingId: string, caseId: string, ward: string) => ({
    tenantId,
    meetingId,
    caseId,
    ward,
    title: '事例',
    ageBand: 'under40',
    gender: 'unknown',
    firstConsulter: 'family',
    summary: '要約',
    sharedBy: staff,
    sharedAt: new Date('2021-03-01T00:00:00Z'),
  })
  await db
    .insert(caseStudyShares)
    .values([share(study, h1, 'kita'), share(study, h2, 'sakyo'), share(later, h3, 'kita')])

  // Family support: S1 (city-wide, with a follow-up survey) and S2 (kita's) held; S3 after the end.
  await r.addSurvey(
    'FS',
    [{ no: 1, kind: 'single', options: ['とても良かった', '良かった', 'よくなかった'] }],
    [
      ['1', '2021-03-25', { 1: ['とても良かった'] }],
      ['2', '2021-06-10', { 1: ['とても良かった'] }],
      ['3', '2021-06-11', { 1: ['良かった'] }],
    ],
    'other',
  )
  const [fs] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.tenantId, tenantId))
  const seminar = async (values: Partial<typeof seminars.$inferInsert> & { heldOn: string }) => {
    const [s] = await db
      .insert(seminars)
      .values({
        tenantId,
        kind: 'seminar',
        title: '家族向け研修会',
        startTime: '14:00',
        capacity: 20,
        ...values,
      })
      .returning({ id: seminars.id })
    return s!.id
  }
  const s1 = await seminar({ heldOn: '2021-03-20', followUpSurveyId: fs!.id })
  const s2 = await seminar({
    heldOn: '2021-04-05',
    kind: 'family_meeting',
    title: '家族教室',
    ward: 'kita',
    capacity: 10,
  })
  const s3 = await seminar({ heldOn: '2021-05-01' })
  const registration = (
    seminarId: string,
    attendees: number,
    status: string,
    attended: boolean | null = null,
  ) => ({
    tenantId,
    seminarId,
    name: '家族',
    attendees,
    status,
    attended,
    cancelTokenHash: randomUUID(),
  })
  await db
    .insert(seminarRegistrations)
    .values([
      registration(s1, 2, 'confirmed', true),
      registration(s1, 1, 'confirmed', false),
      registration(s1, 3, 'confirmed'),
      registration(s1, 1, 'waitlisted'),
      registration(s1, 2, 'cancelled'),
      registration(s2, 1, 'confirmed', true),
      registration(s3, 4, 'confirmed', true),
    ])

  // Web consultations, dated in Tokyo: T1 opens on 1 March at 00:30 (still 28 February in UTC).
  const thread = async (
    createdAt: string,
    senderRole: string,
    extra: Partial<typeof inquiryThreads.$inferInsert> = {},
  ) => {
    const [t] = await db
      .insert(inquiryThreads)
      .values({
        tenantId,
        code: randomUUID(),
        passphraseHash: 'x',
        senderRole,
        lang: 'ja',
        createdAt: new Date(createdAt),
        lastMessageAt: new Date(createdAt),
        ...extra,
      })
      .returning({ id: inquiryThreads.id })
    return t!.id
  }
  const reply = (threadId: string, createdAt: string) =>
    db
      .insert(inquiryMessages)
      .values({ tenantId, threadId, author: 'staff', body: '返信', createdAt: new Date(createdAt) })
  await reply(await thread('2021-03-01T00:30:00+09:00', 'family', { caseId: a }), '2021-03-02T10:00:00+09:00')
  await thread('2021-04-30T23:00:00+09:00', 'self')
  await thread('2021-04-10T10:00:00+09:00', 'other', { spam: true })
  await thread('2021-05-01T08:00:00+09:00', 'self')
  await reply(await thread('2021-04-20T10:00:00+09:00', 'self', { caseId: b }), '2021-05-02T10:00:00+09:00')

  // 表1: three methods of this period (in their order), one of another period.
  const verification = (values: Partial<typeof reportVerifications.$inferInsert> & { method: string }) => ({
    tenantId,
    periodFrom: PERIOD.from,
    periodTo: PERIOD.to,
    kind: 'objective_data',
    target: '対象',
    ...values,
  })
  await db.insert(reportVerifications).values([
    verification({
      kind: 'interview',
      method: 'よりそい支援員ヒアリング',
      heldFrom: '2021-04-20',
      heldTo: '2021-04-20',
      target: 'よりそい支援員',
      responses: '',
      sortOrder: 3,
    }),
    verification({
      method: '相談支援実績等の客観データ',
      heldFrom: '2021-03-01',
      heldTo: '2021-04-30',
      target: '相談件数',
      sortOrder: 1,
    }),
    verification({
      kind: 'survey',
      method: '研修会アンケート',
      target: '参加した家族',
      surveyId: fs!.id,
      sortOrder: 2,
    }),
    verification({ method: '別の期間', periodTo: '2021-05-31' }),
  ])
}

const volume = (
  people: number,
  count: number,
  peoplePer100k: number | null,
  countPer100k: number | null,
) => ({
  people,
  count,
  peoplePer100k,
  countPer100k,
})

describe('indicators beyond the seed’s tables', () => {
  it('the city: every figure as worked out by hand', async () => {
    const city = await ctx.newCity()
    await fixture(ctx.db, city.tenantId)
    const report = reportSchema.parse(await computeReport(ctx.db, city.tenantId, PERIOD))

    // 300,000 people in 令和3年度 (kita 117,000 + sakyo 183,000); 令和2年度 lacks sakyo's figure.
    const v = report.volumes
    expect(v.populationFiscalYear).toBe(2021)
    expect(v.population).toBe(300_000)
    // 3 ÷ 300,000 × 100,000 = 1.0; 4 → 1.33 → 1.3; 5 → 1.67 → 1.7.
    expect(v.consultations).toEqual(volume(3, 4, 1, 1.3))
    expect(v.contacts).toEqual(volume(3, 5, 1, 1.7))
    expect(v.monthly).toEqual([
      {
        month: '2021-03',
        population: null,
        consultations: volume(1, 2, null, null),
        contacts: volume(2, 3, null, null),
      },
      {
        month: '2021-04',
        population: 300_000,
        consultations: volume(2, 2, 0.7, 0.7),
        contacts: volume(2, 2, 0.7, 0.7),
      },
    ])
    // kita: 2 ÷ 117,000 → 1.709 → 1.7; 3 → 2.564 → 2.6; 4 → 3.419 → 3.4. sakyo: 1 ÷ 183,000 → 0.546 → 0.5.
    expect(v.byWard.find((w) => w.ward === 'kita')).toEqual({
      ward: 'kita',
      population: 117_000,
      consultations: volume(2, 3, 1.7, 2.6),
      contacts: volume(2, 4, 1.7, 3.4),
    })
    expect(v.byWard.find((w) => w.ward === 'sakyo')).toEqual({
      ward: 'sakyo',
      population: 183_000,
      consultations: volume(1, 1, 0.5, 0.5),
      contacts: volume(1, 1, 0.5, 0.5),
    })
    expect(v.byWard.find((w) => w.ward === 'minami')).toMatchObject({
      population: null,
      contacts: volume(0, 0, null, null),
    })

    expect(report.accompaniment).toEqual({
      activities: {
        home_listening: { count: 3, cases: 2 },
        remote_listening: { count: 0, cases: 0 },
        work_school: { count: 0, cases: 0 },
        challenge_work: { count: 0, cases: 0 },
        approach: { count: 0, cases: 0 },
        accompany: { count: 1, cases: 1 },
        procedures: { count: 0, cases: 0 },
        other: { count: 0, cases: 0 },
      },
      activitiesTotal: { count: 4, cases: 2 },
      goals: { employment: 1, school: 0, communication: 0, ibasho: 2, rhythm: 0, other: 0 },
      changes: { count: 2, cases: 1 },
      ledAtEnd: 2,
    })
    expect(report.referrals).toEqual({ byOutcome: { arranging: 2, connected: 1, not_used: 0 }, total: 3 })
    expect(report.networkMeetings).toEqual({
      held: { coordinators: 1, case_study: 1, total: 2 },
      casesShared: 2,
    })

    const f = report.familySupport
    expect(f.held).toEqual({ seminar: 1, family_meeting: 1, total: 2 })
    expect(f.registrations).toEqual({ confirmed: 4, waitlisted: 1, cancelled: 1, people: 7 })
    expect(f.attendance).toEqual({ attended: 2, absent: 1, notRecorded: 1, people: 3 })
    expect(f.seminars).toEqual([
      {
        kind: 'seminar',
        title: '家族向け研修会',
        heldOn: '2021-03-20',
        ward: null,
        capacity: 20,
        registeredPeople: 6,
        attendedPeople: 2,
      },
      {
        kind: 'family_meeting',
        title: '家族教室',
        heldOn: '2021-04-05',
        ward: 'kita',
        capacity: 10,
        registeredPeople: 1,
        attendedPeople: 1,
      },
    ])
    // All three answers, two of them after the period: the survey belongs to the seminar.
    expect(f.followUpSurveys).toHaveLength(1)
    expect(f.followUpSurveys[0]!.respondents).toBe(3)
    expect(f.followUpSurveys[0]!.questions[0]!.options.map((o) => [o.count, o.percent])).toEqual([
      [2, 66.7],
      [1, 33.3],
      [0, 0],
    ])

    expect(report.webConsultations).toEqual({
      received: 3,
      replied: 1,
      linkedToCases: 2,
      bySender: { self: 2, family: 1, other: 0 },
    })

    expect(report.verification).toEqual([
      {
        kind: 'objective_data',
        method: '相談支援実績等の客観データ',
        heldFrom: '2021-03-01',
        heldTo: '2021-04-30',
        target: '相談件数',
        responses: null,
      },
      {
        kind: 'survey',
        method: '研修会アンケート',
        heldFrom: null,
        heldTo: null,
        target: '参加した家族',
        responses: '3件',
      },
      {
        kind: 'interview',
        method: 'よりそい支援員ヒアリング',
        heldFrom: '2021-04-20',
        heldTo: '2021-04-20',
        target: 'よりそい支援員',
        responses: null,
      },
    ])
  })

  it('one ward: its cases, its population, its seminars and its shares', async () => {
    const city = await ctx.newCity()
    await fixture(ctx.db, city.tenantId)
    const report = reportSchema.parse(await computeReport(ctx.db, city.tenantId, { ...PERIOD, ward: 'kita' }))

    const v = report.volumes
    expect(v.population).toBe(117_000)
    expect(v.consultations).toEqual(volume(2, 3, 1.7, 2.6))
    expect(v.contacts).toEqual(volume(2, 4, 1.7, 3.4))
    // March: kita's 令和2年度 population, 120,000: 1 → 0.83 → 0.8; 2 → 1.67 → 1.7.
    expect(v.monthly[0]).toEqual({
      month: '2021-03',
      population: 120_000,
      consultations: volume(1, 2, 0.8, 1.7),
      contacts: volume(2, 3, 1.7, 2.5),
    })
    expect(v.byWard.map((w) => w.ward)).toEqual(['kita'])

    expect(report.accompaniment.activitiesTotal).toEqual({ count: 3, cases: 1 })
    expect(report.accompaniment.activities.home_listening).toEqual({ count: 2, cases: 1 })
    expect(report.accompaniment.goals).toMatchObject({ employment: 1, ibasho: 1 })
    expect(report.accompaniment.changes).toEqual({ count: 2, cases: 1 })
    expect(report.accompaniment.ledAtEnd).toBe(1)
    expect(report.referrals).toEqual({ byOutcome: { arranging: 1, connected: 1, not_used: 0 }, total: 2 })
    expect(report.networkMeetings).toEqual({
      held: { coordinators: 1, case_study: 1, total: 2 },
      casesShared: 1,
    })

    expect(report.familySupport.held).toEqual({ seminar: 0, family_meeting: 1, total: 1 })
    expect(report.familySupport.registrations).toEqual({
      confirmed: 1,
      waitlisted: 0,
      cancelled: 0,
      people: 1,
    })
    expect(report.familySupport.attendance).toEqual({ attended: 1, absent: 0, notRecorded: 0, people: 1 })
    expect(report.familySupport.followUpSurveys).toEqual([])
    expect(report.webConsultations).toEqual({
      received: 1,
      replied: 1,
      linkedToCases: 1,
      bySender: { self: 0, family: 1, other: 0 },
    })
  })

  it('an empty period has every section, empty: zeros, no rates without population, no rows', async () => {
    const city = await ctx.newCity()
    const report = reportSchema.parse(await computeReport(ctx.db, city.tenantId, PERIOD))
    expect(report.volumes.population).toBeNull()
    expect(report.volumes.consultations).toEqual(volume(0, 0, null, null))
    expect(report.volumes.monthly.map((m) => m.month)).toEqual(['2021-03', '2021-04'])
    expect(report.accompaniment.activitiesTotal).toEqual({ count: 0, cases: 0 })
    expect(report.accompaniment.ledAtEnd).toBe(0)
    expect(report.referrals.total).toBe(0)
    expect(report.networkMeetings).toEqual({
      held: { coordinators: 0, case_study: 0, total: 0 },
      casesShared: 0,
    })
    expect(report.familySupport).toEqual({
      held: { seminar: 0, family_meeting: 0, total: 0 },
      registrations: { confirmed: 0, waitlisted: 0, cancelled: 0, people: 0 },
      attendance: { attended: 0, absent: 0, notRecorded: 0, people: 0 },
      seminars: [],
      followUpSurveys: [],
    })
    expect(report.webConsultations).toEqual({
      received: 0,
      replied: 0,
      linkedToCases: 0,
      bySender: { self: 0, family: 0, other: 0 },
    })
    expect(report.verification).toEqual([])
  })

  it('prints every section in the HTML and the workbook: 表1 first, rates to one decimal, — without population', async () => {
    const city = await ctx.newCity()
    await fixture(ctx.db, city.tenantId)
    const report = await computeReport(ctx.db, city.tenantId, PERIOD)
    const html = renderReportHtml(report)
    expect(html).toContain('<caption id="t0">表1 取組検証の手法</caption>')
    expect(html).toContain(
      '<tr><th scope="row">研修会アンケート</th><td>アンケート</td><td>—</td><td>参加した家族</td><td>3件</td></tr>',
    )
    expect(html).toContain('<td>令和3年3月～4月</td>')
    expect(html).toContain('<td>令和3年4月20日</td>')
    expect(html).toContain(
      '<tr><th scope="row">相談（新規ケース）</th><td class="num">3</td><td class="num">4</td><td class="num">1.0</td><td class="num">1.3</td></tr>',
    )
    expect(html).toContain(
      '<tr><th scope="row">令和3年3月</th><td class="num">—</td><td class="num">—</td><td class="num">—</td><td class="num">—</td></tr>',
    )
    for (const caption of [
      'よりそい支援員の支援内容',
      '家族向け研修会・家族教室等の実績',
      'ウェブ相談の実績',
    ])
      expect(html).toContain(`>${caption}</caption>`)

    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await renderReportXlsx(report)) as never)
    const cellsOf = (sheet: string) =>
      book
        .getWorksheet(sheet)!
        .getSheetValues()
        .slice(1)
        .map((row) => (Array.isArray(row) ? row.slice(1) : []))
    expect(cellsOf('家族支援')).toContainEqual(['出席人数', 3])
    expect(cellsOf('ウェブ相談')).toContainEqual(['ケースにつながった件数', 2])
    expect(cellsOf('区別 人口10万人当たり')).toContainEqual(['北区', 1.7, 2.6, 1.7, 3.4])
    expect(cellsOf('つなぎ')).toContainEqual(['合計', 3])
    expect(cellsOf('支援内容')).toContainEqual(['自宅等での定期的な傾聴', 3, 2])
  })
})
