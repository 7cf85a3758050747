import { expect, type Page, test } from '@playwright/test'
import { E2E_CITY } from './fixtures/accounts.ts'
import { axeOn, noScript } from './fixtures/no-script.ts'

// Issue 11's story from the resident's side, in a browser with JavaScript off (old phones, locked-
// down PCs): write in やさしい日本語 and in Tiếng Việt, get the 受付番号, come back on another
// device with 受付番号 + 合言葉, read the thread and write again. Then axe on every public page in
// every language, at a desktop width and at 320 px.
const BASE = `/soudan/${E2E_CITY.id}`
const LANGS = ['ja', 'ja-easy', 'en', 'zh', 'ko', 'vi', 'pt'] as const

/** Sends the form with a weak passphrase and no text: it comes back with its errors. */
async function sendWithErrors(page: Page) {
  await page.locator('#f-who').check()
  await page.locator('#f-passphrase').fill('12345678')
  await page.locator('#f-passphrase2').fill('12345678')
  await page.locator('form[action$="/write"] button[type=submit]').click()
  await expect(page.getByRole('alert')).toBeVisible()
}

async function writeConsultation(
  page: Page,
  lang: string,
  body: string,
  passphrase: string,
): Promise<string> {
  await page.goto(`${BASE}/?lang=${lang}`)
  await page.locator(`main a.button[href="${BASE}/write"]`).click()
  await expect(page).toHaveURL(new RegExp(`${BASE}/write$`))
  await page.locator('#f-who').check()
  await page.locator('#f-body').fill(body)
  await page.locator('#f-passphrase').fill(passphrase)
  await page.locator('#f-passphrase2').fill(passphrase)
  await page.locator('form[action$="/write"] button[type=submit]').click()
  await expect(page).toHaveURL(new RegExp(`${BASE}/done$`))
  const code = (await page.locator('p.code').textContent())!.trim()
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
  return code
}

async function comeBack(page: Page, lang: string, code: string, passphrase: string) {
  await page.goto(`${BASE}/return?lang=${lang}`)
  await page.locator('#f-code').fill(code)
  await page.locator('#f-passphrase').fill(passphrase)
  await page.locator('form[action$="/return"] button[type=submit]').click()
  await expect(page).toHaveURL(new RegExp(`${BASE}/thread$`))
}

test('a resident writes in やさしい日本語 without JavaScript, and comes back with 受付番号 and 合言葉', async ({
  browser,
}) => {
  const first = await noScript(browser, 320)
  const page = await first.newPage()
  const passphrase = 'あさがお すいか はなび'
  const code = await writeConsultation(
    page,
    'ja-easy',
    'へやから でられません。はなしを きいて ほしいです。',
    passphrase,
  )
  await expect(page.locator('h1 ruby').first()).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await axeOn(browser, first, `${BASE}/done`, 320)
  await first.close()

  // Another device: nothing but what the resident kept (the language is chosen again there).
  const second = await noScript(browser)
  const again = await second.newPage()
  await comeBack(again, 'ja-easy', code.toLowerCase(), passphrase)
  await expect(again.locator('ol.thread')).toContainText('へやから でられません')
  await again.locator('#f-body').fill('つづきです。')
  await again.locator('form[action$="/thread"] button[type=submit]').click()
  await expect(again.locator('p.note[role=status]')).toBeVisible()
  await expect(again.locator('ol.thread li')).toHaveCount(2)
  await axeOn(browser, second, `${BASE}/thread`, 1024)
  // Closing the page ends the pass on this device.
  await again.locator('form[action$="/leave"] button').click()
  await expect(again).toHaveURL(new RegExp(`${BASE}/return\\?left=1$`))
  await again.goto(`${BASE}/thread`)
  await expect(again.locator('ol.thread')).toHaveCount(0)
  await second.close()
})

test('a resident writes in Tiếng Việt: errors in Vietnamese, then the code and the thread', async ({
  browser,
}) => {
  const context = await noScript(browser)
  const page = await context.newPage()
  await page.goto(`${BASE}/write?lang=vi`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
  // The form back with its errors, in the page's language, linked to their fields.
  await sendWithErrors(page)
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('Vui lòng kiểm tra lại nội dung đã nhập')
  await expect(summary.getByRole('link')).toHaveText([
    /Vui lòng viết điều bạn muốn tư vấn/,
    /Mật khẩu này quá dễ đoán/,
  ])
  await expect(page.locator('#f-body')).toHaveAttribute('aria-invalid', 'true')
  await axeOn(browser, context, `${BASE}/write?lang=vi`, 320, sendWithErrors)

  const passphrase = 'hoa sen mua thu ca phe'
  // The language stays chosen (cookie) on the next pages.
  const code = await writeConsultation(
    page,
    'vi',
    'Con tôi không ra khỏi phòng đã hai năm. Tôi nên làm gì?',
    passphrase,
  )
  await expect(page.locator('h1')).toHaveText('Đã gửi')
  await context.clearCookies()
  await comeBack(page, 'vi', code, passphrase)
  await expect(page.locator('h1')).toHaveText('Nội dung tư vấn của bạn')
  await expect(page.locator('ol.thread')).toContainText('Con tôi không ra khỏi phòng')

  // A wrong passphrase: the one answer for every failure.
  const other = await noScript(browser)
  const wrong = await other.newPage()
  await wrong.goto(`${BASE}/return?lang=vi`)
  await wrong.locator('#f-code').fill(code)
  await wrong.locator('#f-passphrase').fill('khong dung chut nao')
  await wrong.locator('form[action$="/return"] button[type=submit]').click()
  await expect(wrong.getByRole('alert')).toContainText('Mã số tiếp nhận hoặc mật khẩu không đúng')
  await other.close()
  await context.close()
})

test('every public page in every language passes axe, at 1024 px and at 320 px', async ({ browser }) => {
  test.setTimeout(600_000)
  const context = await noScript(browser)
  const page = await context.newPage()
  await writeConsultation(page, 'ja', '部屋から出られない日が続いています。', 'ひまわり かぼちゃ ふうりん')
  for (const lang of LANGS) {
    for (const path of ['/', '/write', '/done', '/thread', '/return']) {
      for (const width of [1024, 320]) await axeOn(browser, context, `${BASE}${path}?lang=${lang}`, width)
    }
    await axeOn(browser, context, `${BASE}/write?lang=${lang}`, 320, sendWithErrors)
    await axeOn(browser, context, `/soudan/no-such-city/?lang=${lang}`, 320)
  }
  await context.close()
})
