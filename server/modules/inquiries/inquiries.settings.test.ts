import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { INQUIRY_SETTING_DEFAULTS, INQUIRY_SETTING_KEYS } from '#shared/inquiry-settings.ts'
import { insertThread } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

describe('the city’s web consultation settings', () => {
  it('start at the defaults, change one at a time, and move the overdue line', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const window = await city.as('window_counsellor')
    expect((await admin.get('/api/inquiry-settings')).json()).toEqual(INQUIRY_SETTING_DEFAULTS)

    // Written 30 hours ago: not overdue at 48 hours, overdue at 24.
    await insertThread(ctx.db, city.tenantId, {
      messages: [{ body: '相談です', at: new Date('2026-11-22T19:00:00Z') }],
    })
    expect((await window.get('/api/inquiries/counts')).json().overdue).toBe(0)

    const res = await admin.put('/api/inquiry-settings', { overdueHours: '24' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ ...INQUIRY_SETTING_DEFAULTS, overdueHours: 24 })
    expect((await window.get('/api/inquiries/counts')).json().overdue).toBe(1)
    expect((await window.get('/api/inquiries')).json().overdueHours).toBe(24)

    const words = await admin.put('/api/inquiry-settings', {
      crisisWords: ['死にたい', 'ｼﾆﾀｲ', '死にたい', '  消えたい  '],
      idleCloseDays: 60,
      retentionDays: 730,
    })
    expect(words.statusCode, words.body).toBe(200)
    expect(words.json()).toEqual({
      crisisWords: ['死にたい', 'シニタイ', '消えたい'],
      overdueHours: 24,
      idleCloseDays: 60,
      retentionDays: 730,
    })
    expect(await readSetting(ctx.db, city.tenantId, INQUIRY_SETTING_KEYS.crisisWords)).toEqual([
      '死にたい',
      'シニタイ',
      '消えたい',
    ])
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'inquiry_settings.update')))
    expect(audits.map((a) => a.detail)).toEqual([
      { overdueHours: 24 },
      { crisisWords: { count: 3 }, idleCloseDays: 60, retentionDays: 730 },
    ])
  })

  it('refuses bad values with a Japanese message per field and changes nothing', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const bad: [unknown, string, string][] = [
      [{ overdueHours: '４８' }, 'overdueHours', '期限超過とするまでの時間は半角数字で入力してください'],
      [{ overdueHours: 0 }, 'overdueHours', '期限超過とするまでの時間は1時間以上で入力してください'],
      [{ overdueHours: 1.5 }, 'overdueHours', '期限超過とするまでの時間は整数で入力してください'],
      [{ idleCloseDays: 3651 }, 'idleCloseDays', '自動で終了するまでの日数は3650日以内で入力してください'],
      [{ retentionDays: '' }, 'retentionDays', '本文を消去するまでの日数を入力してください'],
      [{ crisisWords: [] }, 'crisisWords', '緊急とする語句を1つ以上登録してください'],
      [
        { crisisWords: ['死に\u200Bたい'] },
        'crisisWords.0',
        '見えない文字（ゼロ幅スペースなど）は使えません',
      ],
      [{ crisisWords: ['自殺', '\u0000'] }, 'crisisWords.1', '制御文字（NUL など）は使えません'],
      [{ crisisWords: ['\uDC00'] }, 'crisisWords.0', '壊れた文字（対になっていないサロゲート）は使えません'],
      [{ crisisWords: ['  '] }, 'crisisWords.0', '空の語句は登録できません'],
      [{ crisisWords: ['あ'.repeat(31)] }, 'crisisWords.0', '語句は30文字以内で入力してください'],
      [
        { crisisWords: Array.from({ length: 101 }, (_, i) => `語${i}`) },
        'crisisWords',
        '語句は100個以内にしてください',
      ],
    ]
    for (const [payload, field, message] of bad) {
      const res = await admin.put('/api/inquiry-settings', { idleCloseDays: 30, ...(payload as object) })
      expect([field, res.statusCode]).toEqual([field, 400])
      expect(res.json().errors).toContainEqual({ field, message })
    }
    expect((await admin.get('/api/inquiry-settings')).json()).toEqual(INQUIRY_SETTING_DEFAULTS)
  })

  it('are the administrator’s: other roles get 403, and each city has its own', async () => {
    const city = await ctx.newCity()
    for (const role of ['window_counsellor', 'headquarters', 'ward_coordinator'] as const) {
      const s = await city.as(role)
      expect((await s.get('/api/inquiry-settings')).statusCode).toBe(403)
      expect((await s.put('/api/inquiry-settings', { overdueHours: 1 })).statusCode).toBe(403)
    }
    await (await city.as('admin')).put('/api/inquiry-settings', { overdueHours: 12 })
    const other = await (await ctx.newCity('隣市')).as('admin')
    expect((await other.get('/api/inquiry-settings')).json().overdueHours).toBe(48)
  })
})
