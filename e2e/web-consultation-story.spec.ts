import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { E2E_CITY, loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn, logOut, tokyoIsoDate } from './fixtures/helpers.ts'

// Issue 11, done when: a resident writes without JavaScript, gets a 受付番号, comes back with it
// and the 合言葉 and reads the reply a counsellor wrote in the staff app; the counsellor opens a
// case from the thread, and the report counts the messages as メール contacts.
const accounts = loadAccounts()
const BASE = `/soudan/${E2E_CITY.id}`
const suffix = randomBytes(3).toString('hex')
const NICKNAME = `よる${suffix}`
const BODY = `よるしか ねむれません。いえの そとに でるのが こわいです（${suffix}）。`
const REPLY = `おてがみ ありがとうございます。ゆっくりで だいじょうぶです（${suffix}）。`
const PASSPHRASE = 'ひまわり うみ かぜ ほし'

/** The report's count of メール contacts for today (Tokyo), read as headquarters sees it. */
async function mailContacts(page: import('@playwright/test').Page): Promise<number> {
  const today = tokyoIsoDate()
  const res = await page.request.get(`/api/reports?from=${today}&to=${today}`)
  expect(res.status()).toBe(200)
  return (await res.json()).consultations.contacts.byMethod.mail.total as number
}

test('a resident writes in やさしい日本語 without JavaScript, reads a reply written in the staff app, and the thread becomes a case whose messages count as メール', async ({
  browser,
  page,
}) => {
  const resident = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 320, height: 800 },
    baseURL: process.env.E2E_BASE_URL,
  })
  const phone = await resident.newPage()
  let code = ''
  let before = 0

  await test.step('headquarters: the report’s メール count before', async () => {
    await logIn(page, accounts.headquarters)
    before = await mailContacts(page)
    await logOut(page)
  })

  await test.step('resident: writes in やさしい日本語 and gets a 受付番号', async () => {
    await phone.goto(`${BASE}/write?lang=ja-easy`)
    await phone.locator('#f-who').check()
    await phone.locator('#f-body').fill(BODY)
    await phone.locator('#f-nickname').fill(NICKNAME)
    await phone.locator('#f-passphrase').fill(PASSPHRASE)
    await phone.locator('#f-passphrase2').fill(PASSPHRASE)
    await phone.locator('form[action$="/write"] button[type=submit]').click()
    await expect(phone).toHaveURL(new RegExp(`${BASE}/done$`))
    code = (await phone.locator('p.code').textContent())!.trim()
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
  })

  await test.step('counsellor: claims the thread in the staff app and replies', async () => {
    await logIn(page, accounts.counsellor)
    await page.goto('/inquiries?filter=new')
    await page
      .getByRole('row', { name: new RegExp(NICKNAME) })
      .getByRole('link')
      .first()
      .click()
    await expect(page.getByText(BODY)).toBeVisible()
    await page.getByRole('button', { name: '担当する' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'この相談の担当になりました。' })).toBeFocused()
    await page.getByRole('textbox', { name: /^返信/ }).fill(REPLY)
    await page.getByLabel(/^所要時間/).fill('15')
    await page.getByRole('button', { name: '確認へ進む' }).click()
    await page.getByRole('button', { name: '返信を送る' }).click()
    await expect(page.getByRole('status').filter({ hasText: '返信を送りました。' })).toBeFocused()
    await expectAccessible(page)
  })

  await test.step('resident: comes back with 受付番号 and 合言葉 and reads the reply', async () => {
    await phone.goto(`${BASE}/return?lang=ja-easy`)
    await phone.locator('#f-code').fill(code)
    await phone.locator('#f-passphrase').fill(PASSPHRASE)
    await phone.locator('form[action$="/return"] button[type=submit]').click()
    await expect(phone).toHaveURL(new RegExp(`${BASE}/thread$`))
    await expect(phone.locator('ol.thread')).toContainText(BODY)
    await expect(phone.locator('ol.thread')).toContainText(REPLY)
  })

  await test.step('counsellor: opens a case from the thread; both messages become メール contacts', async () => {
    const link = page.getByRole('region', { name: 'ケースとの結び付け' })
    await link.getByRole('button', { name: '新しいケースとして受け付ける' }).click()
    await link.getByRole('radio', { name: '要早期対応' }).check()
    await link.getByRole('checkbox', { name: '家族関係' }).check()
    await link.getByRole('button', { name: '確認へ進む' }).click()
    await link.getByRole('button', { name: 'ケースを受け付ける' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: /を受け付け、これまでのメッセージを対応記録/ }),
    ).toBeFocused()
    await expectAccessible(page)
    await logOut(page)
  })

  await test.step('headquarters: the report counts the two messages as メール contacts', async () => {
    await logIn(page, accounts.headquarters)
    expect(await mailContacts(page)).toBe(before + 2)
    const today = tokyoIsoDate()
    await page.goto(`/report?from=${today}&to=${today}`)
    const table = page.getByRole('table', { name: /延べ対応回数/ })
    await expect(table.getByRole('row', { name: /^メール/ })).toBeVisible()
    await expectAccessible(page)
  })
  await resident.close()
})
