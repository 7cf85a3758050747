// What the server writes to its log is read by operators who may not see the records: it must
// hold no personal data and no secret. This walks the staff through the routes that carry names,
// phone numbers, addresses, summaries, passwords and search terms (good input and bad), and then
// looks for every one of those values in the log lines.
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aContact, intake } from '#server/modules/cases/test-support.ts'
import { createTestContext, TEST_PASSWORD, type TestContext } from './harness.ts'

const lines: string[] = []
let ctx: TestContext
beforeAll(async () => {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  ctx = await createTestContext({ logStream })
})
afterAll(() => ctx.close())

const PERSONAL = {
  name: '氏名秘匿 花子',
  kana: 'しめいひとく はなこ',
  phone: '075-987-6543',
  phoneDigits: '0759876543',
  mail: 'hanako.private@example.jp',
  address: '京都市左京区秘匿町1-2-3',
  summary: '母親から本人の様子について相談（秘匿の要約）',
  crisisLine: '秘匿の窓口電話',
  confidentiality: '秘匿の守秘義務文面：知り得た情報は会議の外で話しません',
}

describe('the server log', () => {
  it('holds no personal data, password or search term after a tour of the personal-data routes', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const admin = await city.as('admin')

    const opened = await window.post(
      '/api/cases',
      intake({ name: PERSONAL.name, kana: PERSONAL.kana, phones: [{ number: PERSONAL.phone }] }),
    )
    expect(opened.statusCode, opened.body).toBe(201)
    const c = opened.json() as { id: string }
    const person = await window.post(`/api/cases/${c.id}/people`, {
      relationship: 'mother',
      name: PERSONAL.name,
      mail: PERSONAL.mail,
      address: PERSONAL.address,
      phones: [{ number: PERSONAL.phone }],
    })
    expect(person.statusCode, person.body).toBe(201)
    const contact = await window.post(`/api/cases/${c.id}/contacts`, {
      ...aContact,
      summary: PERSONAL.summary,
    })
    expect(contact.statusCode, contact.body).toBe(201)
    for (const q of [PERSONAL.name, PERSONAL.phoneDigits, PERSONAL.mail])
      expect((await window.get(`/api/cases?q=${encodeURIComponent(q)}`)).statusCode).toBe(200)
    expect((await window.get(`/api/cases/${c.id}`)).statusCode).toBe(200)
    expect((await window.get(`/api/cases/${c.id}/people`)).statusCode).toBe(200)

    // Refused input: the log says that it was refused, never what was sent.
    const bad = await window.post(
      '/api/cases',
      intake({ name: `${PERSONAL.name}\u0000`, phones: [{ number: 'x' }] }),
    )
    expect(bad.statusCode).toBe(400)
    const badPerson = await window.post(`/api/cases/${c.id}/people`, {
      relationship: 'mother',
      mail: `${PERSONAL.mail}\uD800`,
    })
    expect(badPerson.statusCode).toBe(400)

    // The city's own settings with text staff typed.
    const info = (await admin.get('/api/org')).json() as { window: { version: number } }
    const window2 = await admin.request({
      method: 'PUT',
      url: '/api/org/window',
      payload: {
        version: info.window.version,
        hours: '平日 9:00-17:00',
        phone: PERSONAL.phone,
        crisisLines: [{ name: PERSONAL.crisisLine, phone: '0120-000-000', hours: null }],
      },
    })
    expect(window2.statusCode, window2.body).toBe(200)
    expect(
      (await admin.post('/api/org/confidentiality', { body: PERSONAL.confidentiality })).statusCode,
    ).toBe(201)

    // A wrong password and a right one.
    for (const password of ['wrong-password-123', TEST_PASSWORD]) {
      await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { city: city.tenantId, loginId: window.user.loginId, password },
      })
    }

    const log = lines.join('')
    expect(log.length).toBeGreaterThan(1000)
    expect(log).toContain('/api/cases')
    for (const [what, value] of Object.entries({
      ...PERSONAL,
      password: TEST_PASSWORD,
      wrong: 'wrong-password-123',
    })) {
      expect(log.includes(value), `${what} is in the log`).toBe(false)
      expect(log.includes(encodeURIComponent(value)), `${what} (URL-encoded) is in the log`).toBe(false)
    }
  })
})
