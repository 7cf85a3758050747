import { afterAll, beforeAll, expect, it } from 'vitest'
import { withTenant } from '#server/db/tenant-scope.ts'
import { createFamilyService, enqueueSeminarReminders } from '#server/modules/seminars/index.ts'
import { aFamily, scheduleSeminar } from '#server/modules/seminars/test-support.ts'
import { createMailer, type Mailer } from '#server/platform/mailer.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import type { SeminarDetail } from '#shared/contracts/seminars.ts'
import { captureLog, startTestRelay, type TestRelay } from './mail.fixtures.ts'
import { sendDueMail } from './send-due.ts'

// The day before (the test clock's day is 2026-11-24, Tokyo): confirmed families with an address
// get the reminder through SMTP once; those without one are shown to the organiser to call.
let ctx: TestContext
let relay: TestRelay
let mailer: Mailer
beforeAll(async () => {
  ctx = await createTestContext()
  relay = await startTestRelay()
  mailer = createMailer({ smtpUrl: relay.url, mailFrom: 'soudan@city.example.lg.jp' })
})
afterAll(async () => {
  mailer.close()
  await relay.close()
  await ctx.close()
})

it('reminds tomorrow’s confirmed families by mail once, and lists the ones to call', async () => {
  const city = await ctx.newCity()
  const ward = await city.as('ward_staff', { ward: 'sakyo' })
  const tomorrow = (
    await scheduleSeminar(ward, { heldOn: '2026-11-25', capacity: 2, title: '明日の家族教室' })
  ).id
  const later = (await scheduleSeminar(ward, { heldOn: '2026-11-26', title: '明後日の家族教室' })).id
  const family = createFamilyService(ctx.db, ctx.clock)
  const register = (id: string, o: Parameters<typeof aFamily>[0]) =>
    withTenant(city.tenantId, () => family.register(city.tenantId, id, aFamily(o)))
  await register(tomorrow, { name: 'メールの家族', email: 'mail@example.jp' })
  await register(tomorrow, { name: '電話の家族', phone: '075-111-2222' })
  await register(tomorrow, { name: '待っている家族', email: 'wait@example.jp' })
  await register(later, { name: '明後日の家族', email: 'later@example.jp' })

  expect(await enqueueSeminarReminders(ctx)).toBe(1)
  expect(await enqueueSeminarReminders(ctx)).toBe(0)
  const sent = await sendDueMail({
    db: ctx.db,
    clock: ctx.clock,
    mailer,
    publicUrl: 'https://yorisoi.example.lg.jp',
    log: captureLog(),
  })
  expect(sent.sent).toBe(1)
  expect(relay.received.map((m) => m.to)).toEqual([['mail@example.jp']])
  const [mail] = relay.received
  expect(mail!.subject).toBe('明日は研修会・家族教室の日です')
  expect(mail!.text).toContain(`https://yorisoi.example.lg.jp/soudan/${city.tenantId}/seminars`)
  // A fixed text: neither the family's name nor the seminar's title crosses the wire.
  expect(mail!.text).not.toContain('メールの家族')
  expect(mail!.text).not.toContain('明日の家族教室')

  const detail = (await ward.get(`/api/seminars/${tomorrow}`)).json() as SeminarDetail
  expect(detail.registrations.map((r) => [r.name, r.callToRemind, r.remindedAt !== null])).toEqual([
    ['メールの家族', false, true],
    ['電話の家族', true, false],
    ['待っている家族', false, false],
  ])
  const next = (await ward.get(`/api/seminars/${later}`)).json() as SeminarDetail
  expect(next.registrations.map((r) => r.callToRemind)).toEqual([false])
})
