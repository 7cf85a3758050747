import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, asc, eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type Db, openDatabase } from '#server/db/client.ts'
import { openStore } from '#server/db/open-store.ts'
import { auditLog, inquiryMessages, inquiryThreads, mailOutbox } from '#server/db/schema/index.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { fixedClock } from '#server/platform/clock.ts'
import { enqueueMail } from '#server/platform/mail-outbox.ts'
import { writeSetting } from '#server/platform/settings-store.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { INQUIRY_SETTING_KEYS } from '#shared/inquiry-settings.ts'
import { runInquiries } from './retention.cli.ts'
import { type RetentionReport, runInquiryRetention } from './retention.ts'
import { scheduleInquiryRetention } from './retention-schedule.ts'

const DAY = 86_400_000
const START = new Date('2026-01-05T00:00:00Z')
const NICKNAME = 'ゆきんこ'
const ADDRESS = 'yuki.private@example.jp'
const BODY = '夜になると消えたいと思う。家族には言えない。'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function newCity(settings: { idleCloseDays?: number; retentionDays?: number } = {}) {
  const tenantId = `t${randomBytes(5).toString('hex')}`
  await ensureCity(ctx.db, { id: tenantId, name: 'テスト市' })
  if (settings.idleCloseDays !== undefined)
    await writeSetting(ctx.db, tenantId, INQUIRY_SETTING_KEYS.idleCloseDays, settings.idleCloseDays)
  if (settings.retentionDays !== undefined)
    await writeSetting(ctx.db, tenantId, INQUIRY_SETTING_KEYS.retentionDays, settings.retentionDays)
  return tenantId
}

/** A thread as the public pages leave it: a resident's message, a staff reply and its notice mail. */
async function newThread(tenantId: string, lastMessageAt: Date) {
  const [t] = await ctx.db
    .insert(inquiryThreads)
    .values({
      tenantId,
      code: randomBytes(6).toString('hex'),
      passphraseHash: '$argon2id$not-a-real-hash',
      senderRole: 'self',
      nickname: NICKNAME,
      noticeAddress: ADDRESS,
      acceptsCall: true,
      phone: '090-1234-5678',
      lang: 'ja',
      lastMessageAt,
      createdAt: lastMessageAt,
    })
    .returning()
  await ctx.db.insert(inquiryMessages).values([
    { tenantId, threadId: t!.id, author: 'resident', body: BODY, urgent: true, createdAt: lastMessageAt },
    { tenantId, threadId: t!.id, author: 'staff', body: '返信です。', minutes: 10, createdAt: lastMessageAt },
  ])
  await enqueueMail(ctx.db, {
    tenantId,
    kind: 'inquiry_reply_waiting',
    toAddress: ADDRESS,
    threadId: t!.id,
    now: lastMessageAt,
  })
  return t!.id
}

const threadOf = async (id: string) =>
  (await ctx.db.select().from(inquiryThreads).where(eq(inquiryThreads.id, id)))[0]!
const bodiesOf = async (id: string) =>
  (
    await ctx.db
      .select({ body: inquiryMessages.body })
      .from(inquiryMessages)
      .where(eq(inquiryMessages.threadId, id))
      .orderBy(asc(inquiryMessages.createdAt), asc(inquiryMessages.author))
  ).map((m) => m.body)
const auditsOf = (db: Db, tenantId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), like(auditLog.action, 'inquiry.%')))
    .orderBy(asc(auditLog.id))

describe('inquiry retention', () => {
  it("closes a thread once nobody has written for the city's idle-close days, and audits it by id", async () => {
    const city = await newCity()
    const quiet = await newThread(city, START)
    const recent = await newThread(city, new Date(START.getTime() + 30 * DAY))
    const clock = fixedClock(new Date(START.getTime() + 90 * DAY))

    // Exactly 90 days (the default) is not yet "longer than".
    expect((await runInquiryRetention(ctx.db, clock)).closed).toBe(0)
    clock.advance(60_000)
    await runInquiryRetention(ctx.db, clock)

    const closed = await threadOf(quiet)
    expect([closed.status, closed.closedAt?.toISOString()]).toEqual(['closed', clock.now().toISOString()])
    expect(closed.version).toBe(2)
    // Closing removes nothing yet.
    expect(closed.nickname).toBe(NICKNAME)
    expect(await bodiesOf(quiet)).toEqual([BODY, '返信です。'])
    expect((await threadOf(recent)).status).toBe('open')

    const audits = await auditsOf(ctx.db, city)
    expect(audits.map((a) => [a.action, a.recordType, a.recordId, a.actorLogin, a.detail])).toEqual([
      ['inquiry.closed_idle', 'inquiry_thread', quiet, 'system', { idleDays: 90 }],
    ])
  })

  it("removes the text after the city's retention days: bodies, nickname, address, phone and the thread's mail", async () => {
    const city = await newCity({ idleCloseDays: 10, retentionDays: 30 })
    const id = await newThread(city, START)
    const clock = fixedClock(new Date(START.getTime() + 11 * DAY))
    await runInquiryRetention(ctx.db, clock)
    expect((await threadOf(id)).status).toBe('closed')

    clock.advance(30 * DAY)
    expect((await runInquiryRetention(ctx.db, clock)).textRemoved).toBe(0)
    clock.advance(60_000)
    const report = await runInquiryRetention(ctx.db, clock)
    expect(report).toMatchObject({ textRemoved: 1, messagesCleared: 2 })

    const after = await threadOf(id)
    expect(after.textRemovedAt?.toISOString()).toBe(clock.now().toISOString())
    expect([after.nickname, after.noticeAddress, after.phone]).toEqual([null, null, null])
    // What the statistics need stays: the thread, its dates, who wrote, the urgent flag.
    expect([after.status, after.senderRole, after.createdAt.toISOString()]).toEqual([
      'closed',
      'self',
      START.toISOString(),
    ])
    expect(await bodiesOf(id)).toEqual([null, null])
    const urgent = await ctx.db
      .select({ urgent: inquiryMessages.urgent })
      .from(inquiryMessages)
      .where(eq(inquiryMessages.threadId, id))
    expect(urgent.map((m) => m.urgent).sort()).toEqual([false, true])
    expect(await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.threadId, id))).toEqual([])

    const audits = await auditsOf(ctx.db, city)
    expect(audits.map((a) => [a.action, a.recordId, a.detail])).toEqual([
      ['inquiry.closed_idle', id, { idleDays: 10 }],
      ['inquiry.text_removed', id, { messages: 2, mails: 1, retentionDays: 30 }],
    ])
    // Ids and counts only: nothing the resident wrote or gave.
    const written = JSON.stringify(audits)
    for (const personal of [NICKNAME, ADDRESS, BODY, '090-1234-5678']) expect(written).not.toContain(personal)
  })

  it('is idempotent: a second run changes and audits nothing', async () => {
    const city = await newCity({ idleCloseDays: 1, retentionDays: 1 })
    await newThread(city, START)
    const clock = fixedClock(new Date(START.getTime() + 2 * DAY))
    await runInquiryRetention(ctx.db, clock)
    clock.advance(2 * DAY)
    await runInquiryRetention(ctx.db, clock)
    const before = await auditsOf(ctx.db, city)
    expect(before.map((a) => a.action)).toEqual(['inquiry.closed_idle', 'inquiry.text_removed'])

    clock.advance(DAY)
    const again = await runInquiryRetention(ctx.db, clock)
    expect(again).toMatchObject({ closed: 0, textRemoved: 0, messagesCleared: 0 })
    expect(await auditsOf(ctx.db, city)).toEqual(before)
  })

  it("applies each city's own settings, and the defaults where a setting is missing or not a day count", async () => {
    const short = await newCity({ idleCloseDays: 7 })
    const broken = await newCity()
    await writeSetting(ctx.db, broken, INQUIRY_SETTING_KEYS.idleCloseDays, 'seven')
    const a = await newThread(short, START)
    const b = await newThread(broken, START)
    await runInquiryRetention(ctx.db, fixedClock(new Date(START.getTime() + 8 * DAY)))
    expect((await threadOf(a)).status).toBe('closed')
    expect((await threadOf(b)).status).toBe('open')
  })

  it('closes and clears every thread exactly once when two runs start together', async () => {
    const cities = [
      await newCity({ idleCloseDays: 5, retentionDays: 5 }),
      await newCity({ idleCloseDays: 5 }),
    ]
    const ids: string[] = []
    for (const city of cities) for (let i = 0; i < 12; i++) ids.push(await newThread(city, START))
    // First both runs close (5 days), then both clear the first city's text (5 more days).
    const clock = fixedClock(new Date(START.getTime() + 6 * DAY))
    // On PostgreSQL the second run has a pool of its own, as a second process would.
    const second = ctx.databaseUrl ? await openDatabase({ url: ctx.databaseUrl }) : undefined
    const both = () =>
      Promise.all([runInquiryRetention(ctx.db, clock), runInquiryRetention(second?.db ?? ctx.db, clock)])
    let closing: RetentionReport[]
    let clearing: RetentionReport[]
    try {
      closing = await both()
      clock.advance(6 * DAY)
      clearing = await both()
    } finally {
      await second?.close()
    }
    expect(closing[0]!.closed + closing[1]!.closed).toBe(24)
    expect(clearing[0]!.textRemoved + clearing[1]!.textRemoved).toBe(12)
    expect(clearing[0]!.messagesCleared + clearing[1]!.messagesCleared).toBe(24)

    const audits = [...(await auditsOf(ctx.db, cities[0]!)), ...(await auditsOf(ctx.db, cities[1]!))]
    const perThread = new Map<string, string[]>()
    for (const a of audits) perThread.set(a.recordId!, [...(perThread.get(a.recordId!) ?? []), a.action])
    expect(perThread.size).toBe(24)
    for (const [id, actions] of perThread) {
      const first = ids.indexOf(id) < 12
      expect(actions).toEqual(
        first ? ['inquiry.closed_idle', 'inquiry.text_removed'] : ['inquiry.closed_idle'],
      )
    }
  })
})

describe('the schedule in the server process', () => {
  it('runs soon after the start and again every interval, logging counts only, until stopped', async () => {
    const city = await newCity({ idleCloseDays: 3 })
    const first = await newThread(city, START)
    const clock = fixedClock(new Date(START.getTime() + 4 * DAY))
    const lines: { fields: object; message: string }[] = []
    const log = {
      info: (fields: object, message: string) => void lines.push({ fields, message }),
      error: (fields: object, message: string) => void lines.push({ fields, message }),
    }
    const schedule = scheduleInquiryRetention(ctx.db, clock, log, { firstAfterMs: 1, everyMs: 20 })
    try {
      await vi.waitFor(async () => expect((await threadOf(first)).status).toBe('closed'), { timeout: 5000 })
      // A thread that goes quiet later is closed by a later run, with the clock moved on.
      const second = await newThread(city, clock.now())
      clock.advance(4 * DAY)
      await vi.waitFor(async () => expect((await threadOf(second)).status).toBe('closed'), { timeout: 5000 })
    } finally {
      await schedule.stop()
    }
    const third = await newThread(city, clock.now())
    clock.advance(4 * DAY)
    await new Promise((r) => setTimeout(r, 100))
    expect((await threadOf(third)).status).toBe('open')
    expect(lines.filter((l) => l.message === 'inquiry retention').length).toBeGreaterThanOrEqual(2)
    expect(lines.every((l) => l.message === 'inquiry retention')).toBe(true)
    expect(JSON.stringify(lines)).not.toMatch(new RegExp(`${NICKNAME}|${ADDRESS}`))
  })

  it('logs a failed run by error name and code, and keeps its schedule', async () => {
    const lines: string[] = []
    const log = {
      info: () => {},
      error: (f: object, m: string) => void lines.push(`${m} ${JSON.stringify(f)}`),
    }
    const failing = {
      select: () => {
        throw Object.assign(new Error(`secret ${ADDRESS}`), { code: '57014' })
      },
    }
    const schedule = scheduleInquiryRetention(failing as unknown as Db, fixedClock(START), log, {
      firstAfterMs: 1,
      everyMs: 5,
    })
    try {
      await vi.waitFor(() => expect(lines.length).toBeGreaterThanOrEqual(2), { timeout: 5000 })
    } finally {
      await schedule.stop()
    }
    expect(lines[0]).toBe('inquiry retention failed {"err":{"name":"Error","code":"57014"}}')
  })
})

describe('npm run yorisoi -- inquiries retention', () => {
  async function run(args: string[], env: Record<string, string>) {
    const saved = { ...process.env }
    Object.assign(process.env, env)
    const lines: string[] = []
    const out = vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')))
    const err = vi.spyOn(console, 'error').mockImplementation((...a) => void lines.push(a.join(' ')))
    try {
      await runInquiries(args)
      return { code: process.exitCode ?? 0, output: lines.join('\n') }
    } finally {
      process.exitCode = undefined
      out.mockRestore()
      err.mockRestore()
      process.env = saved
    }
  }

  it('applies retention to every city of the store, audited as cli, and refuses other arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-retention-'))
    const env = { YORISOI_DATA_DIR: dir, DATABASE_URL: '', DATABASE_MIGRATION_URL: '' }
    try {
      const store = await openStore({ databaseUrl: undefined, databaseMigrationUrl: undefined, dataDir: dir })
      let id: string
      try {
        await ensureCity(store.db, { id: 'otsu', name: '大津市' })
        // A thread quiet since long before today: the command runs on the real clock.
        const [t] = await store.db
          .insert(inquiryThreads)
          .values({
            tenantId: 'otsu',
            code: 'A1',
            passphraseHash: 'x',
            senderRole: 'family',
            lang: 'vi',
            lastMessageAt: new Date('2020-01-01T00:00:00Z'),
            createdAt: new Date('2020-01-01T00:00:00Z'),
          })
          .returning()
        id = t!.id
      } finally {
        await store.close()
      }
      const done = await run(['retention'], env)
      expect(done.code, done.output).toBe(0)
      expect(done.output).toMatch(/threads closed: 1\n/)
      expect((await run(['retention', '--now'], env)).code).toBe(2)
      expect((await run([], env)).code).toBe(2)

      const again = await openStore({ databaseUrl: undefined, databaseMigrationUrl: undefined, dataDir: dir })
      try {
        expect(
          (await again.db.select().from(inquiryThreads).where(eq(inquiryThreads.id, id)))[0]!.status,
        ).toBe('closed')
        const audits = await auditsOf(again.db, 'otsu')
        expect(audits.map((a) => [a.action, a.actorLogin, a.clientAddress])).toEqual([
          ['inquiry.closed_idle', 'cli', 'cli'],
        ])
      } finally {
        await again.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
