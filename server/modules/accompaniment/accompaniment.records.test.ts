import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditLog,
  caseEvents,
  observedChanges,
  supportActivities,
  supportPlans,
} from '#server/db/schema/index.ts'
import { fieldsOf } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { addActivity, ledCase } from './test-support.ts'

let ctx: TestContext
let city: TestCity
let window: Session
let worker: Session
let staff: Session
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  window = await city.as('window_counsellor')
  worker = await city.as('accompaniment_worker', { name: '伴走 花子' })
  staff = await city.as('ward_staff', { ward: 'sakyo', name: '左京 職員' })
})
afterAll(() => ctx.close())

const aCase = (openedOn = '2026-09-01') =>
  ledCase(ctx, city, window, { lead: 'accompaniment', accountId: worker.user.id }, { openedOn })

async function stored(caseId: string) {
  const n = async (table: typeof supportActivities | typeof observedChanges | typeof supportPlans) => {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(table)
      .where(and(eq(table.tenantId, city.tenantId), eq(table.caseId, caseId)))
    return row!.n
  }
  const [events] = await ctx.db
    .select({ n: count() })
    .from(caseEvents)
    .where(and(eq(caseEvents.tenantId, city.tenantId), eq(caseEvents.caseId, caseId)))
  return {
    plans: await n(supportPlans),
    activities: await n(supportActivities),
    changes: await n(observedChanges),
    events: events!.n,
  }
}

async function eventsOf(caseId: string, action: string) {
  return ctx.db
    .select()
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.tenantId, city.tenantId),
        eq(caseEvents.caseId, caseId),
        eq(caseEvents.action, action),
      ),
    )
}

describe('support plan', () => {
  it('is saved on its version: the first save makes version 1, a stale version is refused with 409', async () => {
    const c = await aCase()
    const empty = (await worker.get(`/api/cases/${c.id}/support-plan`)).json()
    expect(empty).toEqual({
      caseId: c.id,
      lead: 'accompaniment',
      canWrite: true,
      goals: [],
      goalNote: null,
      progressSummary: null,
      version: 0,
      updatedAt: null,
      updatedByName: null,
    })
    const first = await worker.put(`/api/cases/${c.id}/support-plan`, {
      goals: ['rhythm', 'ibasho'],
      goalNote: '週1回の外出',
      progressSummary: '訪問を3回行い、玄関先で話せた',
      version: 0,
    })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({
      goals: ['rhythm', 'ibasho'],
      version: 1,
      updatedByName: '伴走 花子',
      updatedAt: '2026-11-24T01:00:00.000Z',
    })
    // Someone still holding version 0 (a second first save) loses, and nothing changes.
    const before = await stored(c.id)
    const stale = await staff.put(`/api/cases/${c.id}/support-plan`, { goals: ['school'], version: 0 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().detail).toMatch(/先に支援計画を更新/)
    expect(await stored(c.id)).toEqual(before)
    const second = await staff.put(`/api/cases/${c.id}/support-plan`, {
      goals: ['rhythm'],
      goalNote: '週1回の外出',
      progressSummary: '訪問を3回行い、玄関先で話せた。',
      version: 1,
    })
    expect(second.json()).toMatchObject({ version: 2, updatedByName: '左京 職員', goals: ['rhythm'] })
    expect((await worker.put(`/api/cases/${c.id}/support-plan`, { goals: [], version: 1 })).statusCode).toBe(
      409,
    )
  })

  it('keeps each changed field in the case history, and writes nothing when nothing changed', async () => {
    const c = await aCase()
    await worker.put(`/api/cases/${c.id}/support-plan`, { goals: ['employment'], version: 0 })
    await worker.put(`/api/cases/${c.id}/support-plan`, {
      goals: ['employment', 'communication'],
      progressSummary: '就労体験に2回参加',
      version: 1,
    })
    const events = await eventsOf(c.id, 'support_plan_updated')
    expect(events.map((e) => e.changes)).toEqual([
      [{ field: 'supportPlan.goals', from: '', to: 'employment' }],
      [
        { field: 'supportPlan.goals', from: 'employment', to: 'employment;communication' },
        { field: 'supportPlan.progressSummary', from: null, to: '就労体験に2回参加' },
      ],
    ])
    const before = await stored(c.id)
    const same = await worker.put(`/api/cases/${c.id}/support-plan`, {
      goals: ['employment', 'communication'],
      progressSummary: '就労体験に2回参加',
      version: 2,
    })
    expect(same.json().version).toBe(2)
    expect(await stored(c.id)).toEqual(before)
  })

  it('rejects unknown or repeated goals and over-long text with Japanese messages', async () => {
    const c = await aCase()
    const unknown = await worker.put(`/api/cases/${c.id}/support-plan`, { goals: ['money'], version: 0 })
    expect(unknown.statusCode).toBe(400)
    expect(fieldsOf(unknown.json())).toEqual(['goals.0'])
    const twice = await worker.put(`/api/cases/${c.id}/support-plan`, {
      goals: ['school', 'school'],
      version: 0,
    })
    expect(twice.json().errors).toEqual([{ field: 'goals', message: '同じ目標が重複しています' }])
    const long = await worker.put(`/api/cases/${c.id}/support-plan`, {
      goals: [],
      progressSummary: 'あ'.repeat(4001),
      version: 0,
    })
    expect(long.json().errors).toEqual([
      { field: 'progressSummary', message: '4000文字以内で入力してください' },
    ])
    const noVersion = await worker.put(`/api/cases/${c.id}/support-plan`, { goals: [] })
    expect(fieldsOf(noVersion.json())).toEqual(['version'])
    expect((await stored(c.id)).plans).toBe(0)
  })
})

describe('activities (支援内容)', () => {
  it('records an activity by the caller and lists the log newest first', async () => {
    const c = await aCase()
    const older = await addActivity(worker, c.id, { doneOn: '2026/11/2', kind: 'remote_listening' })
    ctx.clock.advance(60_000)
    const sameDayFirst = await addActivity(worker, c.id, { doneOn: '2026-11-20', minutes: null })
    ctx.clock.advance(60_000)
    const sameDayLater = await addActivity(staff, c.id, { doneOn: '2026-11-20', kind: 'procedures' })
    expect(older).toMatchObject({
      caseId: c.id,
      doneOn: '2026-11-02',
      kind: 'remote_listening',
      minutes: 60,
      accountId: worker.user.id,
      accountName: '伴走 花子',
    })
    expect(sameDayFirst.minutes).toBeNull()
    const list = (await worker.get(`/api/cases/${c.id}/activities`)).json()
    expect(list.map((a: { id: string }) => a.id)).toEqual([sameDayLater.id, sameDayFirst.id, older.id])
    expect(list[0]).toMatchObject({ accountName: '左京 職員', kind: 'procedures' })
    const [added] = await eventsOf(c.id, 'activity_added')
    expect(added!.changes).toContainEqual({ field: 'activity.kind', from: null, to: 'remote_listening' })
  })

  it('rejects a future date, a date before the opening, bad minutes and a missing kind, writing nothing', async () => {
    const c = await aCase('2026-10-01')
    const before = await stored(c.id)
    const post = (body: Record<string, unknown>) =>
      worker.post(`/api/cases/${c.id}/activities`, { doneOn: '2026-11-20', kind: 'approach', ...body })
    expect((await post({ doneOn: '2026-11-25' })).json().errors).toEqual([
      { field: 'doneOn', message: '未来の日付は入力できません' },
    ])
    expect((await post({ doneOn: '2026-09-30' })).json().errors).toEqual([
      { field: 'doneOn', message: '受付日より前の日付です' },
    ])
    // Today (Tokyo) and the opening day itself are fine.
    expect((await post({ doneOn: '2026-11-24' })).statusCode).toBe(201)
    expect((await post({ doneOn: '2026-10-01' })).statusCode).toBe(201)
    expect((await post({ minutes: -1 })).json().errors).toEqual([
      { field: 'minutes', message: '所要時間は0分以上で入力してください' },
    ])
    expect((await post({ minutes: 1441 })).json().errors).toEqual([
      { field: 'minutes', message: '所要時間は1440分以内で入力してください' },
    ])
    expect((await post({ minutes: 'abc' })).json().errors).toEqual([
      { field: 'minutes', message: '所要時間は数字で入力してください' },
    ])
    expect((await post({ minutes: 0 })).statusCode).toBe(201)
    expect((await post({ minutes: 1440 })).statusCode).toBe(201)
    expect((await post({ kind: undefined })).json().errors).toEqual([
      { field: 'kind', message: '支援内容を選択してください' },
    ])
    expect((await post({ doneOn: '2026-02-30' })).statusCode).toBe(400)
    const after = await stored(c.id)
    expect(after.activities).toBe(before.activities + 4)
  })

  it('corrects only the fields sent, with a required reason kept in the history', async () => {
    const c = await aCase()
    const a = await addActivity(worker, c.id, { minutes: 30, kind: 'approach' })
    const noReason = await worker.patch(`/api/cases/${c.id}/activities/${a.id}`, { minutes: 45 })
    expect(noReason.json().errors).toEqual([{ field: 'reason', message: '訂正の理由を入力してください' }])
    const res = await worker.patch(`/api/cases/${c.id}/activities/${a.id}`, {
      minutes: 45,
      kind: 'accompany',
      reason: '記入誤り',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ minutes: 45, kind: 'accompany', doneOn: '2026-11-20' })
    const [corrected] = await eventsOf(c.id, 'activity_corrected')
    expect(corrected!.reason).toBe('記入誤り')
    expect(corrected!.changes).toEqual([
      { field: 'activity.kind', from: 'approach', to: 'accompany' },
      { field: 'activity.minutes', from: '30', to: '45' },
    ])
    const before = await stored(c.id)
    const bad = await worker.patch(`/api/cases/${c.id}/activities/${a.id}`, {
      doneOn: '2026-08-31',
      reason: '日付の誤り',
    })
    expect(bad.json().errors).toEqual([{ field: 'doneOn', message: '受付日より前の日付です' }])
    const same = await worker.patch(`/api/cases/${c.id}/activities/${a.id}`, { minutes: 45, reason: '確認' })
    expect(same.statusCode).toBe(200)
    expect(await stored(c.id)).toEqual(before)
  })

  it('answers 404 for an activity of another case', async () => {
    const a = await aCase()
    const b = await aCase()
    const onA = await addActivity(worker, a.id)
    const res = await worker.patch(`/api/cases/${b.id}/activities/${onA.id}`, { minutes: 5, reason: '誤り' })
    expect(res.statusCode).toBe(404)
  })
})

describe('observed changes (本人の変化)', () => {
  it('records and lists them newest first; the note is required and the date checked', async () => {
    const c = await aCase()
    const first = await worker.post(`/api/cases/${c.id}/observed-changes`, {
      observedOn: '2026-10-15',
      note: '昼夜逆転が改善した',
    })
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({ observedOn: '2026-10-15', accountName: '伴走 花子' })
    await staff.post(`/api/cases/${c.id}/observed-changes`, { observedOn: '2026/11/1', note: '外出した' })
    const list = (await worker.get(`/api/cases/${c.id}/observed-changes`)).json()
    expect(list.map((x: { observedOn: string }) => x.observedOn)).toEqual(['2026-11-01', '2026-10-15'])
    const before = await stored(c.id)
    const empty = await worker.post(`/api/cases/${c.id}/observed-changes`, {
      observedOn: '2026-11-01',
      note: ' ',
    })
    expect(empty.json().errors).toEqual([{ field: 'note', message: '変化の内容を入力してください' }])
    const future = await worker.post(`/api/cases/${c.id}/observed-changes`, {
      observedOn: '2026-11-25',
      note: '変化',
    })
    expect(future.json().errors).toEqual([{ field: 'observedOn', message: '未来の日付は入力できません' }])
    expect(await stored(c.id)).toEqual(before)
    expect(await eventsOf(c.id, 'observed_change_added')).toHaveLength(2)
  })
})

describe('audit', () => {
  it('writes a row for every read and change, without the notes themselves', async () => {
    const c = await aCase()
    await worker.get(`/api/cases/${c.id}/support-plan`)
    await worker.put(`/api/cases/${c.id}/support-plan`, {
      goals: ['other'],
      goalNote: '秘密の目標メモ',
      version: 0,
    })
    const a = await addActivity(worker, c.id, { note: '秘密の訪問記録' })
    await worker.patch(`/api/cases/${c.id}/activities/${a.id}`, { note: '秘密の訂正', reason: '追記' })
    await worker.get(`/api/cases/${c.id}/activities`)
    await worker.post(`/api/cases/${c.id}/observed-changes`, { observedOn: '2026-11-20', note: '秘密の変化' })
    await worker.get(`/api/cases/${c.id}/observed-changes`)
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.actorId, worker.user.id)))
    const mine = rows.filter((r) => r.recordId === c.id || (r.detail as { caseId?: string })?.caseId === c.id)
    expect(mine.map((r) => r.action).sort()).toEqual(
      [
        'activity.correct',
        'activity.create',
        'activity.list',
        'observed_change.create',
        'observed_change.list',
        'support_plan.read',
        'support_plan.update',
      ].sort(),
    )
    expect(mine.find((r) => r.action === 'activity.correct')!.detail).toEqual({
      caseId: c.id,
      fields: ['note'],
    })
    expect(mine.find((r) => r.action === 'support_plan.update')!.detail).toEqual({
      fields: ['goals', 'goalNote'],
    })
    expect(JSON.stringify(mine)).not.toContain('秘密')
  })

  it('audits a refused write as nothing: the transaction rolls back', async () => {
    const c = await aCase()
    const [before] = await ctx.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.tenantId, city.tenantId))
    expect(
      (await window.post(`/api/cases/${c.id}/activities`, { doneOn: '2026-11-20', kind: 'other' }))
        .statusCode,
    ).toBe(403)
    const [after] = await ctx.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.tenantId, city.tenantId))
    expect(after!.n).toBe(before!.n)
  })
})

describe('case history', () => {
  it('shows the plan, activities and observed changes through the history endpoint, labelled by action', async () => {
    const c = await aCase()
    expect(
      (
        await worker.put(`/api/cases/${c.id}/support-plan`, {
          version: 0,
          goals: ['rhythm'],
          goalNote: '朝起きる',
        })
      ).statusCode,
    ).toBe(200)
    await addActivity(worker, c.id)
    await worker.post(`/api/cases/${c.id}/observed-changes`, { observedOn: '2026-10-15', note: '外出した' })
    const history = await worker.get(`/api/cases/${c.id}/history`)
    expect(history.statusCode).toBe(200)
    const actions = history.json().map((e: { action: string }) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining(['support_plan_updated', 'activity_added', 'observed_change_added']),
    )
  })
})
