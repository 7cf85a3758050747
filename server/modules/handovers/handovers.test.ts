import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, caseEvents, cases } from '#server/db/schema/index.ts'
import { fieldsOf, handOver, openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { INVALID_DATE_MESSAGE } from '#shared/contracts/common.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

type Event = {
  action: string
  reason: string | null
  changes: { field: string; from: string | null; to: string | null }[]
}

async function history(s: Session, id: string): Promise<Event[]> {
  const res = await s.get(`/api/cases/${id}/history`)
  expect(res.statusCode).toBe(200)
  return res.json()
}

/** The case's version and its number of history entries, read from the store itself. */
async function stored(tenantId: string, id: string) {
  const [row] = await ctx.db
    .select()
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.id, id)))
  const [events] = await ctx.db
    .select({ n: count() })
    .from(caseEvents)
    .where(and(eq(caseEvents.tenantId, tenantId), eq(caseEvents.caseId, id)))
  return { row: row!, events: events!.n }
}

async function setCase(tenantId: string, id: string, values: Partial<typeof cases.$inferInsert>) {
  await ctx.db
    .update(cases)
    .set(values)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.id, id)))
}

const close = (s: Session, id: string, version: number) =>
  s.post(`/api/cases/${id}/close`, { version, closedOn: '2026-11-23', closureReason: 'advice' })

type InboxItem = { id: string; [k: string]: unknown }
async function inbox(s: Session, query = '') {
  const res = await s.get(`/api/ward/inbox${query}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as {
    items: InboxItem[]
    total: number
    page: number
    pageSize: number
    today: string
    waitLimitDays: number
    counts: { assessing: number; ready: number; waitingLong: number }
  }
}

describe('the ward’s inbox', () => {
  let city: TestCity
  let window: Session
  let sakyo: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
    sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })
  })

  it('lists cases handed over to the ward and opened there, not yet led, oldest waiting first', async () => {
    // Waiting since the handover (11-23 by the helper) or, for a ward intake, the opening date.
    const handed = await openCase(window, { openedOn: '2026-10-01', name: '引継 一郎', urgency: 'early' })
    await handOver(window, handed.id, handed.version)
    const byAgency = await openCase(sakyo, { openedOn: '2026-11-05', wardRoute: 'agency', age: 45 })
    const bySection = await openCase(sakyo, { openedOn: '2026-11-22', wardRoute: 'ward_section' })

    // Not in the inbox: the window's own case, a case closed by the ward, a led case, another ward's.
    await openCase(window)
    const closed = await openCase(sakyo, { openedOn: '2026-11-01' })
    expect((await close(sakyo, closed.id, closed.version)).statusCode).toBe(200)
    const closedHandover = await openCase(window, { openedOn: '2026-11-01' })
    const ho = await handOver(window, closedHandover.id, closedHandover.version)
    expect((await close(sakyo, closedHandover.id, ho.version)).statusCode).toBe(200)
    const led = await openCase(sakyo, { openedOn: '2026-11-02' })
    await setCase(city.tenantId, led.id, { lead: 'ward_section', nextReviewOn: '2026-12-20' })
    const ledHandover = await openCase(window, { openedOn: '2026-11-02' })
    await handOver(window, ledHandover.id, ledHandover.version)
    await setCase(city.tenantId, ledHandover.id, { lead: 'specialist' })
    await handOver(window, (await openCase(window)).id, 1, 'kita')

    const page = await inbox(sakyo)
    expect(page.items.map((i) => i.id)).toEqual([byAgency.id, bySection.id, handed.id])
    expect(page).toMatchObject({
      total: 3,
      page: 1,
      pageSize: 50,
      today: '2026-11-24',
      waitLimitDays: 30,
      counts: { assessing: 3, ready: 0, waitingLong: 0 },
    })
    expect(page.items[2]).toEqual({
      id: handed.id,
      caseNo: handed.caseNo,
      name: '引継 一郎',
      openedOn: '2026-10-01',
      handedOverOn: '2026-11-23',
      waitingSince: '2026-11-23',
      wardRoute: 'window',
      wardState: 'assessing',
      urgency: 'early',
      ageBand: 'under40',
      hasAssessment: false,
      daysWaiting: 1,
      waitingLong: false,
    })
    expect(page.items[0]).toMatchObject({
      handedOverOn: null,
      waitingSince: '2026-11-05',
      wardRoute: 'agency',
      ageBand: '40plus',
    })

    // Once assessed and ready, the case moves to the other tab.
    const ready = await sakyo.post(`/api/cases/${bySection.id}/assessment`, {
      version: bySection.version,
      assessment: '各課で面談済み',
      wardState: 'ready',
    })
    expect(ready.statusCode, ready.body).toBe(200)
    const readyTab = await inbox(sakyo, '?state=ready')
    expect(readyTab.items).toEqual([
      expect.objectContaining({ id: bySection.id, wardState: 'ready', hasAssessment: true }),
    ])
    expect(readyTab).toMatchObject({ total: 1, counts: { assessing: 2, ready: 1 } })
    const assessing = await inbox(sakyo, '?state=assessing')
    expect(assessing.items.map((i) => i.id)).toEqual([byAgency.id, handed.id])
    expect(assessing.total).toBe(2)

    // A meeting that decides "discuss again" clears the lead: the case is back, still ready.
    await setCase(city.tenantId, led.id, { lead: null, wardState: 'ready', wardAssessment: '再協議' })
    expect((await inbox(sakyo, '?state=ready')).items.map((i) => i.id)).toEqual([led.id, bySection.id])
  })

  it('pages, and counts a ward case without a state (imported) as waiting for its assessment', async () => {
    const c = await ctx.newCity()
    const coordinator = await c.as('ward_coordinator', { ward: 'fushimi' })
    const staff = await c.as('ward_staff', { ward: 'fushimi' })
    const opened = []
    for (const day of ['2026-11-03', '2026-11-01', '2026-11-02']) {
      opened.push(await openCase(coordinator, { openedOn: day }))
    }
    await setCase(c.tenantId, opened[0]!.id, { wardState: null, wardRoute: null })
    const first = await inbox(staff, '?pageSize=2')
    expect(first.items.map((i) => i.id)).toEqual([opened[1]!.id, opened[2]!.id])
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2, counts: { assessing: 3, ready: 0 } })
    const second = await inbox(staff, '?pageSize=2&page=2')
    expect(second.items).toEqual([
      expect.objectContaining({ id: opened[0]!.id, wardState: 'assessing', wardRoute: null }),
    ])
    expect((await inbox(staff, '?state=assessing')).total).toBe(3)
  })

  it('says how many days each case has waited, sorts by it either way, and flags those over the city’s limit', async () => {
    const c = await ctx.newCity()
    const coordinator = await c.as('ward_coordinator', { ward: 'ukyo' })
    // Today is 2026-11-24 (Tokyo): 54, 31, 30 and 0 days.
    const opened: Record<string, { id: string }> = {}
    for (const day of ['2026-10-25', '2026-10-01', '2026-11-24', '2026-10-24']) {
      opened[day] = await openCase(coordinator, { openedOn: day })
    }
    const longest = await inbox(coordinator)
    expect(longest.items.map((i) => [i.waitingSince, i.daysWaiting, i.waitingLong])).toEqual([
      ['2026-10-01', 54, true],
      ['2026-10-24', 31, true],
      // Exactly the limit is not over it.
      ['2026-10-25', 30, false],
      ['2026-11-24', 0, false],
    ])
    expect(longest.counts).toEqual({ assessing: 4, ready: 0, waitingLong: 2 })
    const shortest = await inbox(coordinator, '?order=shortest')
    expect(shortest.items.map((i) => i.daysWaiting)).toEqual([0, 30, 31, 54])
    // The count covers the whole inbox, whatever the page shows.
    expect((await inbox(coordinator, '?order=shortest&pageSize=1')).counts.waitingLong).toBe(2)

    // The city's own limit: an administrator sets it, and the flags follow on the next view.
    const admin = await c.as('admin')
    const set = await admin.put('/api/settings', { handoverWaitDays: '7' })
    expect(set.statusCode, set.body).toBe(200)
    const after = await inbox(coordinator)
    expect(after.waitLimitDays).toBe(7)
    expect(after.counts.waitingLong).toBe(3)
    expect(after.items.filter((i) => i.waitingLong).map((i) => i.id)).toEqual([
      opened['2026-10-01']!.id,
      opened['2026-10-24']!.id,
      opened['2026-10-25']!.id,
    ])
    expect((await admin.put('/api/settings', { handoverWaitDays: 0 })).json().errors).toEqual([
      { field: 'handoverWaitDays', message: '1日以上で入力してください' },
    ])
  })

  it('refuses an unknown state filter or order', async () => {
    const res = await sakyo.get('/api/ward/inbox?state=closed')
    expect(res.statusCode).toBe(400)
    expect(fieldsOf(res.json())).toEqual(['state'])
    const order = await sakyo.get('/api/ward/inbox?order=oldest')
    expect(order.statusCode).toBe(400)
    expect(order.json().errors).toEqual([
      { field: 'order', message: '並び順は「長い順」か「短い順」を選択してください' },
    ])
  })

  it('audits each view with the ward, the filter and the count, never a name', async () => {
    const c = await ctx.newCity()
    const staff = await c.as('ward_staff', { ward: 'minami' })
    await openCase(staff, { name: '監査 花子', kana: 'かんさ はなこ' })
    await inbox(staff, '?state=assessing')
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, c.tenantId), eq(auditLog.action, 'handover.inbox')))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.detail).toEqual({ ward: 'minami', state: 'assessing', page: 1, count: 1 })
    expect(rows[0]!.actorId).toBe(staff.user.id)
    expect(JSON.stringify(rows)).not.toMatch(/監査|かんさ/)
  })
})

describe('the additional assessment', () => {
  let city: TestCity
  let window: Session
  let sakyo: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
    sakyo = await city.as('ward_staff', { ward: 'sakyo', name: '左京 職員' })
  })

  async function handedOverCase() {
    const c = await openCase(window)
    return handOver(window, c.id, c.version)
  }

  it('writes the assessment and the state, with the history from → to and an audit row', async () => {
    const c = await handedOverCase()
    const draft = await sakyo.post(`/api/cases/${c.id}/assessment`, {
      version: c.version,
      assessment: '  家庭訪問を予定  ',
      wardState: 'assessing',
    })
    expect(draft.statusCode, draft.body).toBe(200)
    expect(draft.json()).toMatchObject({
      wardAssessment: '家庭訪問を予定',
      wardState: 'assessing',
      version: c.version + 1,
    })
    const ready = await sakyo.post(`/api/cases/${c.id}/assessment`, {
      version: c.version + 1,
      assessment: '家庭訪問で本人と面談。就労支援の検討が必要',
      wardState: 'ready',
    })
    expect(ready.json()).toMatchObject({ wardState: 'ready', version: c.version + 2 })
    // The test clock stands still, so both entries have the same time: compare them as a set.
    const events = (await history(sakyo, c.id)).filter((e) => e.action === 'assessed')
    expect(events.map((e) => e.changes)).toEqual(
      expect.arrayContaining([
        [{ field: 'wardAssessment', from: null, to: '家庭訪問を予定' }],
        [
          {
            field: 'wardAssessment',
            from: '家庭訪問を予定',
            to: '家庭訪問で本人と面談。就労支援の検討が必要',
          },
          { field: 'wardState', from: 'assessing', to: 'ready' },
        ],
      ]),
    )
    expect(events).toHaveLength(2)
    // The window still reads what the ward wrote.
    expect((await window.get(`/api/cases/${c.id}`)).json().wardAssessment).toMatch(/就労支援/)
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'case.assessment')))
    expect(audits.map((a) => a.detail)).toEqual(
      expect.arrayContaining([
        { fields: ['wardAssessment'], wardState: 'assessing' },
        { fields: ['wardAssessment', 'wardState'], wardState: 'ready' },
      ]),
    )
    expect(audits).toHaveLength(2)
    expect(JSON.stringify(audits)).not.toMatch(/家庭訪問/)
  })

  it('may send the case back to assessing, and writes nothing when nothing changes', async () => {
    const c = await handedOverCase()
    const body = { assessment: '要約のとおり', wardState: 'ready' }
    const ready = (await sakyo.post(`/api/cases/${c.id}/assessment`, { ...body, version: c.version })).json()
    const same = await sakyo.post(`/api/cases/${c.id}/assessment`, { ...body, version: ready.version })
    expect(same.statusCode).toBe(200)
    expect(same.json().version).toBe(ready.version)
    const back = await sakyo.post(`/api/cases/${c.id}/assessment`, {
      ...body,
      wardState: 'assessing',
      version: ready.version,
    })
    expect(back.json()).toMatchObject({ wardState: 'assessing', version: ready.version + 1 })
    expect((await history(sakyo, c.id)).filter((e) => e.action === 'assessed')).toHaveLength(2)
  })

  it('needs an assessment before the case is ready for the meeting; nothing is written on error', async () => {
    const c = await handedOverCase()
    const before = await stored(city.tenantId, c.id)
    for (const assessment of [undefined, null, '', '   ']) {
      const res = await sakyo.post(`/api/cases/${c.id}/assessment`, {
        version: c.version,
        assessment,
        wardState: 'ready',
      })
      expect(res.statusCode).toBe(400)
      expect(res.json().errors).toEqual([
        { field: 'assessment', message: '会議付議可にするには、追加アセスメントを入力してください' },
      ])
    }
    const noState = await sakyo.post(`/api/cases/${c.id}/assessment`, { version: c.version, assessment: 'x' })
    expect(noState.json().errors).toEqual([{ field: 'wardState', message: '区の状況を選択してください' }])
    const tooLong = await sakyo.post(`/api/cases/${c.id}/assessment`, {
      version: c.version,
      assessment: 'あ'.repeat(4001),
      wardState: 'assessing',
    })
    expect(tooLong.json().errors).toEqual([
      { field: 'assessment', message: '4000文字以内で入力してください' },
    ])
    expect(await stored(city.tenantId, c.id)).toEqual(before)
  })

  it('refuses a change made on an old version (409) and a closed case (409), writing nothing', async () => {
    const c = await handedOverCase()
    const first = await sakyo.post(`/api/cases/${c.id}/assessment`, {
      version: c.version,
      assessment: '先に保存',
      wardState: 'assessing',
    })
    expect(first.statusCode).toBe(200)
    const afterFirst = await stored(city.tenantId, c.id)
    const stale = await sakyo.post(`/api/cases/${c.id}/assessment`, {
      version: c.version,
      assessment: '後から保存',
      wardState: 'ready',
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().detail).toBe('他の職員が先に更新しました。画面を再読み込みしてください。')
    expect(await stored(city.tenantId, c.id)).toEqual(afterFirst)

    const closed = await close(sakyo, c.id, first.json().version)
    expect(closed.statusCode).toBe(200)
    const afterClose = await stored(city.tenantId, c.id)
    const onClosed = await sakyo.post(`/api/cases/${c.id}/assessment`, {
      version: closed.json().version,
      assessment: '終結後',
      wardState: 'ready',
    })
    expect(onClosed.statusCode).toBe(409)
    expect(onClosed.json().detail).toMatch(/終結したケース/)
    expect(await stored(city.tenantId, c.id)).toEqual(afterClose)
  })
})

describe('本人同意 (consent)', () => {
  let city: TestCity
  let window: Session
  let sakyo: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
    sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })
  })

  const record = (s: Session, id: string, body: Record<string, unknown>) =>
    s.put(`/api/cases/${id}/consent`, body)
  const withdraw = (s: Session, id: string, body: Record<string, unknown>) =>
    s.request({ method: 'DELETE', url: `/api/cases/${id}/consent`, payload: body })

  it('records the date and a note, shows them on the case, and keeps the history', async () => {
    const c = await openCase(window, { openedOn: '2026-11-10' })
    const res = await record(window, c.id, {
      version: c.version,
      consentOn: '2026/11/20',
      consentNote: '  会議での共有について口頭で同意  ',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      consentOn: '2026-11-20',
      consentNote: '会議での共有について口頭で同意',
      version: c.version + 1,
    })
    expect((await window.get(`/api/cases/${c.id}`)).json().consentOn).toBe('2026-11-20')
    const [event] = (await history(window, c.id)).filter((e) => e.action === 'consent_recorded')
    expect(event!.changes).toEqual([
      { field: 'consentOn', from: null, to: '2026-11-20' },
      { field: 'consentNote', from: null, to: '会議での共有について口頭で同意' },
    ])
    // After the handover the ward corrects it; the date may be today (Tokyo) at the latest.
    const ho = await handOver(window, c.id, c.version + 1)
    const fix = await record(sakyo, c.id, { version: ho.version, consentOn: '2026-11-24' })
    expect(fix.json()).toMatchObject({ consentOn: '2026-11-24', consentNote: null })
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'case.consent.record')))
    expect(audits.map((a) => [a.actorId, a.detail])).toEqual(
      expect.arrayContaining([
        [window.user.id, { fields: ['consentOn', 'consentNote'] }],
        [sakyo.user.id, { fields: ['consentOn', 'consentNote'] }],
      ]),
    )
    expect(audits).toHaveLength(2)
    expect(JSON.stringify(audits)).not.toContain('口頭')
  })

  it('refuses a future date, a date before the opening, and an impossible date; nothing is written', async () => {
    const c = await openCase(sakyo, { openedOn: '2026-11-10' })
    const before = await stored(city.tenantId, c.id)
    const cases: [unknown, string][] = [
      ['2026-11-25', '未来の日付は入力できません'],
      ['2026-11-09', '受付日より前の日付です'],
      ['2026-02-30', INVALID_DATE_MESSAGE],
      ['', '日付を入力してください'],
    ]
    for (const [consentOn, message] of cases) {
      const res = await record(sakyo, c.id, { version: c.version, consentOn })
      expect(res.statusCode).toBe(400)
      expect(res.json().errors).toEqual([{ field: 'consentOn', message }])
    }
    const noVersion = await record(sakyo, c.id, { consentOn: '2026-11-20' })
    expect(noVersion.statusCode).toBe(400)
    expect(await stored(city.tenantId, c.id)).toEqual(before)
  })

  it('records a withdrawal with its reason, even on a closed case; only a recorded consent', async () => {
    const c = await openCase(sakyo, { openedOn: '2026-11-10' })
    const none = await withdraw(sakyo, c.id, { version: c.version, reason: '撤回' })
    expect(none.statusCode).toBe(409)
    expect(none.json().detail).toBe('このケースには本人同意が記録されていません')
    const given = (await record(sakyo, c.id, { version: c.version, consentOn: '2026-11-12' })).json()
    const closed = (await close(sakyo, c.id, given.version)).json()
    const recordOnClosed = await record(sakyo, c.id, { version: closed.version, consentOn: '2026-11-13' })
    expect(recordOnClosed.statusCode).toBe(409)

    const before = await stored(city.tenantId, c.id)
    const noReason = await withdraw(sakyo, c.id, { version: closed.version, reason: ' ' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().errors).toEqual([{ field: 'reason', message: '撤回の理由を入力してください' }])
    const stale = await withdraw(sakyo, c.id, { version: given.version, reason: '撤回' })
    expect(stale.statusCode).toBe(409)
    expect(await stored(city.tenantId, c.id)).toEqual(before)

    const res = await withdraw(sakyo, c.id, { version: closed.version, reason: '本人から撤回の申出' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ consentOn: null, consentNote: null, version: closed.version + 1 })
    const [event] = (await history(sakyo, c.id)).filter((e) => e.action === 'consent_withdrawn')
    expect(event).toMatchObject({
      reason: '本人から撤回の申出',
      changes: [{ field: 'consentOn', from: '2026-11-12', to: null }],
    })
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'case.consent.withdraw')))
    expect(audit).toMatchObject({ recordType: 'case', recordId: c.id, detail: null })
  })
})

describe('the lead and the next review date on the case', () => {
  it('names the lead’s organisation and worker, as a meeting decided them', async () => {
    const city = await ctx.newCity()
    const sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })
    const worker = await city.user('accompaniment_worker', { name: '伴走 花子' })
    const team = await city.unitOf('accompaniment_team')
    const c = await openCase(sakyo)
    await setCase(city.tenantId, c.id, {
      lead: 'accompaniment',
      leadUnitId: team.id,
      leadAccountId: worker.id,
      nextReviewOn: '2027-01-15',
    })
    expect((await sakyo.get(`/api/cases/${c.id}`)).json()).toMatchObject({
      lead: 'accompaniment',
      leadUnitId: team.id,
      leadUnitName: team.name,
      leadAccountId: worker.id,
      leadAccountName: '伴走 花子',
      nextReviewOn: '2027-01-15',
    })
    const [summary] = (await sakyo.get('/api/cases')).json().items
    expect(summary).toMatchObject({ id: c.id, lead: 'accompaniment', nextReviewOn: '2027-01-15' })
    // The worker it names reads it in their own scope.
    const theWorker = await city.login(worker)
    expect((await theWorker.get(`/api/cases/${c.id}`)).json().leadAccountName).toBe('伴走 花子')
  })
})
