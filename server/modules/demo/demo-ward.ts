// The demo city's ward-centre work, so that every page of the ward has something to show: kita's
// last support coordination meeting (held, with decisions and leads) and its next one (scheduled,
// with an agenda and the demo agency invited), the lead workers' plans and activities, a small
// directory of community resources with referrals, and two city-wide meetings.
import { and, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import {
  accounts,
  caseEvents,
  cases,
  meetingAgenda,
  meetingAttendees,
  meetings,
  networkMeetings,
  observedChanges,
  orgUnits,
  referrals,
  resources,
  reviewAssignments,
  reviews,
  supportActivities,
  supportPlans,
} from '#server/db/schema/index.ts'
import type { SupportActivity, SupportGoal } from '#shared/codes.ts'
import { addDays } from '#shared/dates.ts'
import { DEMO_AGENCY_NAME } from './demo-accounts.ts'
import { type Random, seededUuid } from './demo-random.ts'

const RESOURCES = [
  {
    name: 'みなと居場所カフェ（デモ）',
    categories: ['ibasho'],
    serves: ['self'],
    ward: 'kita',
    subsidy: [2021, 2022],
  },
  {
    name: '若者しごと準備室（デモ）',
    categories: ['employment'],
    serves: ['self'],
    ward: null,
    subsidy: [2022],
  },
  {
    name: '家族のつどい みなと（デモ）',
    categories: ['family'],
    serves: ['family'],
    ward: null,
    subsidy: [],
  },
  {
    name: 'まなびなおし教室（デモ）',
    categories: ['education'],
    serves: ['self'],
    ward: 'sakyo',
    subsidy: [2021],
  },
  {
    name: 'こころの相談室（デモ）',
    categories: ['medical', 'consultation'],
    serves: ['self', 'family'],
    ward: null,
    subsidy: [],
  },
  {
    name: '北区ふれあい農園（デモ）',
    categories: ['ibasho', 'employment'],
    serves: ['self'],
    ward: 'kita',
    subsidy: [2022],
  },
] as const

const POLICIES = [
  '本人との関係づくりを優先し、月2回の訪問で傾聴を続ける。',
  '家族の負担軽減のため、家族会を紹介し、本人へは手紙で接点をつくる。',
  '就労準備に向けて、生活リズムの安定から段階的に支援する。',
  '医療受診の必要性を専門機関と確認し、受診同行を検討する。',
] as const

const ACTIVITY_NOTES = [
  '自宅で30分ほど話を聞いた。好きなゲームの話題で表情が和らいだ。',
  '手紙を送付。返信はまだない。',
  '母親と電話。本人は昼夜逆転が続いているとのこと。',
  '居場所の見学に同行。次回も行ってみたいとの発言あり。',
] as const

export async function seedDemoWard(tx: Db, tenantId: string, today: string, random: Random) {
  const units = await tx.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId))
  const section = (code: string) => units.find((u) => u.wardCode === 'kita' && u.sectionCode === code)!
  const agency = units.find((u) => u.kind === 'agency' && u.name === DEMO_AGENCY_NAME)
  const team = units.find((u) => u.kind === 'accompaniment_team')
  const people = await tx.select().from(accounts).where(eq(accounts.tenantId, tenantId))
  const worker = people.find((a) => a.loginId === 'demo-yorisoi')
  const coordinator = people.find((a) => a.loginId === 'demo-kita')
  if (!agency || !team || !worker || !coordinator) return

  const resourceIds = RESOURCES.map(() => seededUuid(random))
  await tx.insert(resources).values(
    RESOURCES.map((r, i) => ({
      tenantId,
      id: resourceIds[i]!,
      resourceNo: `R-${String(i + 1).padStart(4, '0')}`,
      name: r.name,
      categories: [...r.categories],
      serves: [...r.serves],
      ward: r.ward,
      subsidyFiscalYears: [...r.subsidy],
      contact: `075-000-${String(1000 + i)}（デモ）`,
    })),
  )

  // Kita's cases waiting at the ward: handed over or opened there, not closed.
  const waiting = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.handedOverTo, 'kita'), eq(cases.status, 'handed_over')))
  if (waiting.length < 7) return
  const decided = waiting.slice(0, 4)
  const upcoming = waiting.slice(4, 7)

  const pastOn = addDays(today, -12)
  const nextOn = addDays(today, 9)
  const pastId = seededUuid(random)
  const nextId = seededUuid(random)
  const base = {
    tenantId,
    ward: 'kita',
    startTime: '14:00',
    place: '北区役所 第1会議室',
    chair: '北区保健福祉センター長',
  }
  await tx.insert(meetings).values([
    { ...base, id: pastId, meetingNo: `kita-${pastOn.replaceAll('-', '')}`, heldOn: pastOn, status: 'held' },
    {
      ...base,
      id: nextId,
      meetingNo: `kita-${nextOn.replaceAll('-', '')}`,
      heldOn: nextOn,
      status: 'scheduled',
    },
  ])
  const invited = [section('kenko_choju'), section('shogai'), agency, team]
  await tx
    .insert(meetingAttendees)
    .values([
      ...invited.map((u) => ({ tenantId, meetingId: pastId, unitId: u.id, attended: true })),
      ...invited.map((u) => ({ tenantId, meetingId: nextId, unitId: u.id, attended: false })),
    ])

  // The held meeting's decisions: two cases for the accompaniment worker, one for a section,
  // one for the specialist agency; one review date has already passed (overdue).
  const leads = [
    { lead: 'accompaniment', unit: team, account: worker.id },
    { lead: 'accompaniment', unit: team, account: worker.id },
    { lead: 'ward_section', unit: section('shogai'), account: null },
    { lead: 'specialist', unit: agency, account: null },
  ] as const
  for (const [i, c] of decided.entries()) {
    const l = leads[i]!
    const reviewId = seededUuid(random)
    const nextReviewOn = i === 0 ? addDays(today, -3) : addDays(today, 20 + i * 7)
    const policy = POLICIES[i % POLICIES.length]!
    await tx.insert(meetingAgenda).values({
      tenantId,
      meetingId: pastId,
      caseId: c.id,
      kind: 'new',
      route: 'window',
      position: i + 1,
    })
    await tx.insert(reviews).values({
      tenantId,
      id: reviewId,
      meetingId: pastId,
      caseId: c.id,
      kind: 'new',
      route: 'window',
      lead: l.lead,
      leadUnit: l.unit.name,
      leadUnitId: l.unit.id,
      leadAccountId: l.account,
      policy,
      nextReviewOn,
    })
    await tx.insert(reviewAssignments).values([
      { tenantId, reviewId, position: 1, unitId: l.unit.id, task: '本人・家族との定期的な連絡' },
      {
        tenantId,
        reviewId,
        position: 2,
        unitId: section('kenko_choju').id,
        task: '経過の確認と次回会議への報告',
      },
    ])
    await tx
      .update(cases)
      .set({
        wardRoute: 'window',
        wardState: 'ready',
        wardAssessment: '家族から追加で聞き取り。本人は週に数回外出できている。',
        lead: l.lead,
        leadUnitId: l.unit.id,
        leadAccountId: l.account,
        nextReviewOn,
      })
      .where(and(eq(cases.tenantId, tenantId), eq(cases.id, c.id)))
    await tx.insert(caseEvents).values({
      tenantId,
      id: seededUuid(random),
      caseId: c.id,
      at: new Date(`${pastOn}T15:30:00+09:00`),
      actorId: coordinator.id,
      actorName: coordinator.name,
      action: 'meeting_decision',
      changes: [{ field: 'lead', from: null, to: l.lead }],
      reason: null,
    })
    await tx.insert(supportPlans).values({
      tenantId,
      caseId: c.id,
      goals: (['rhythm', 'ibasho', 'communication'] as SupportGoal[]).slice(0, 1 + (i % 3)),
      goalNote: '無理のない範囲で外出の機会を増やす。',
      progressSummary: '訪問を重ね、本人と短い会話ができるようになった。',
      updatedBy: worker.id,
    })
    const kinds: SupportActivity[] = ['home_listening', 'remote_listening', 'approach', 'accompany']
    await tx.insert(supportActivities).values(
      // The overdue case has had no activity for over 30 days, so the caseload page flags it.
      Array.from({ length: 3 }, (_, k) => ({
        tenantId,
        caseId: c.id,
        doneOn: addDays(pastOn, i === 0 ? -40 - k : k * 3 + 1),
        kind: kinds[(i + k) % kinds.length]!,
        minutes: 30 + k * 15,
        note: ACTIVITY_NOTES[(i + k) % ACTIVITY_NOTES.length]!,
        accountId: worker.id,
      })),
    )
    await tx.insert(observedChanges).values({
      tenantId,
      caseId: c.id,
      observedOn: addDays(pastOn, 8),
      note: '自分から次の約束の日を尋ねるようになった。',
      accountId: worker.id,
    })
  }

  // The next meeting's agenda: three cases ready for the meeting, and the overdue one to continue.
  for (const [i, c] of upcoming.entries()) {
    await tx
      .update(cases)
      .set({
        wardRoute: 'window',
        wardState: 'ready',
        wardAssessment: '区で追加の聞き取りを行い、会議に付議する。',
      })
      .where(and(eq(cases.tenantId, tenantId), eq(cases.id, c.id)))
    await tx.insert(meetingAgenda).values({
      tenantId,
      meetingId: nextId,
      caseId: c.id,
      kind: 'new',
      route: 'window',
      position: i + 1,
    })
  }
  await tx.insert(meetingAgenda).values({
    tenantId,
    meetingId: nextId,
    caseId: decided[0]!.id,
    kind: 'continuing',
    route: null,
    position: upcoming.length + 1,
  })

  await tx.insert(referrals).values([
    {
      tenantId,
      caseId: decided[0]!.id,
      resourceId: resourceIds[0]!,
      referredOn: addDays(pastOn, 2),
      outcome: 'connected',
      outcomeOn: addDays(pastOn, 9),
      accountId: worker.id,
    },
    {
      tenantId,
      caseId: decided[1]!.id,
      resourceId: resourceIds[2]!,
      referredOn: addDays(pastOn, 4),
      outcome: 'arranging',
      accountId: worker.id,
    },
    {
      tenantId,
      caseId: decided[2]!.id,
      resourceId: resourceIds[1]!,
      referredOn: addDays(pastOn, 1),
      outcome: 'not_used',
      outcomeOn: addDays(pastOn, 6),
      accountId: coordinator.id,
    },
  ])

  await tx.insert(networkMeetings).values([
    {
      tenantId,
      kind: 'coordinators',
      title: '寄り添い支援係長 担当者会議（デモ）',
      heldOn: addDays(today, 16),
      startTime: '10:00',
      place: '市役所 本庁舎 会議室A',
    },
    {
      tenantId,
      kind: 'case_study',
      title: '支援ミーティング（事例検討）（デモ）',
      heldOn: addDays(today, 23),
      startTime: '13:30',
      place: '市役所 本庁舎 会議室B',
    },
  ])
}
