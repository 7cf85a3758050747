import { randomBytes } from 'node:crypto'
import { expect, type Page, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn } from './fixtures/helpers.ts'
import { mailsTo } from './fixtures/mail.ts'

const accounts = loadAccounts()
const tag = randomBytes(4).toString('hex')
const RESIDENT = `resident-${tag}@example.test`
const COUNSELLOR = `counsellor-${tag}@e2e.example.lg.jp`
const BODY = `Con trai tôi không ra khỏi nhà đã ba năm ${tag}`
const NICKNAME = `Hoa${tag}`
const PASSPHRASE = `ngọn núi xanh ${tag} dòng sông`
const REPLY = `Cảm ơn bạn đã viết cho chúng tôi ${tag}`

/** A signed-in call to the staff API, with the session's CSRF token. */
async function staffCall(page: Page, method: 'PUT' | 'POST', url: string, data: unknown) {
  const session = await (await page.request.get('/api/auth/session')).json()
  const res = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': session.csrfToken } })
  expect(res.ok(), `${method} ${url}: ${res.status()}`).toBe(true)
  return res.json()
}

test('mail for real: the opted-in counsellor hears of a new consultation and the resident of the reply, in Vietnamese, with no content, name or code', async ({
  page,
  browser,
}) => {
  await logIn(page, accounts.counsellor)
  await staffCall(page, 'PUT', '/api/account/mail-preferences', {
    address: COUNSELLOR,
    newInquiries: true,
    overdueInquiries: false,
  })

  // The resident, on an old phone with JavaScript off.
  const resident = await browser.newContext({ javaScriptEnabled: false })
  const phone = await resident.newPage()
  let code = ''
  let threadId = ''
  await test.step('a resident writes in Vietnamese and leaves a notice address', async () => {
    await phone.goto('/soudan/e2e/write?lang=vi')
    await phone.getByRole('radio', { name: /^Người trong cuộc/ }).check()
    await phone.getByLabel(/^Điều bạn muốn tư vấn/).fill(BODY)
    await phone.getByLabel(/^Biệt danh|^Tên gọi/).fill(NICKNAME)
    await phone.getByLabel(/^Địa chỉ email nhận thông báo/).fill(RESIDENT)
    await phone.getByLabel(/^Mật khẩu \(nhập lại/).fill(PASSPHRASE)
    await phone.getByLabel(/^Mật khẩu(?! \()/).fill(PASSPHRASE)
    await phone.getByRole('button', { name: 'Gửi' }).click()
    code = ((await phone.locator('.code-box .code').textContent()) ?? '').trim()
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  })

  await test.step('the counsellor gets a Japanese notice with the inbox link and nothing of the message', async () => {
    await expect.poll(() => mailsTo(COUNSELLOR).length, { timeout: 20_000 }).toBe(1)
    const [mail] = mailsTo(COUNSELLOR)
    expect(mail!.subject).toBe('【よりそい】ウェブ相談に新しいメッセージがあります')
    expect(mail!.text).toMatch(/https?:\/\/\S+\/inquiries\n/)
    for (const secret of [BODY, NICKNAME, code, code.replace('-', ''), RESIDENT]) {
      expect(mail!.text).not.toContain(secret)
    }
  })

  await test.step('the counsellor replies; the resident is told in Vietnamese, with the return page and nothing else', async () => {
    const list = await (await page.request.get('/api/inquiries?pageSize=200')).json()
    const items = list.items as { id: string; nickname: string | null }[]
    const thread = items.find((t) => t.nickname === NICKNAME)
    expect(thread, 'the thread in the inbox').toBeDefined()
    threadId = thread!.id
    await staffCall(page, 'POST', `/api/inquiries/${threadId}/replies`, { body: REPLY, minutes: 10 })

    await expect.poll(() => mailsTo(RESIDENT).length, { timeout: 20_000 }).toBe(1)
    const [mail] = mailsTo(RESIDENT)
    expect(mail!.subject).toBe('Đã có trả lời cho nội dung tư vấn của bạn')
    for (const secret of [BODY, NICKNAME, REPLY, code, code.replace('-', ''), PASSPHRASE]) {
      expect(mail!.text).not.toContain(secret)
    }
    const link = /(https?:\/\/\S+\/soudan\/e2e\/return\?lang=vi)/.exec(mail!.text)?.[1]
    expect(link, 'the return page’s link').toBeDefined()

    await phone.goto(new URL(link!).pathname + new URL(link!).search)
    await phone.getByLabel(/^Mã số tiếp nhận/).fill(code)
    await phone.getByLabel(/^Mật khẩu/).fill(PASSPHRASE)
    await phone.getByRole('button', { name: 'Mở' }).click()
    await expect(phone.getByText(REPLY)).toBeVisible()
  })

  await test.step('the thread page shows the counsellor that the resident’s notice went out, without the address', async () => {
    await page.goto(`/inquiries/${threadId}`)
    const status = page.getByRole('region', { name: 'メール通知の状況' })
    const row = status.getByRole('row').filter({ hasText: '相談者へ「返事があります」' })
    await expect(row).toContainText('送信済み')
    await expect(status.getByRole('row').filter({ hasText: '職員へ 新しいメッセージ' })).toContainText(
      '送信済み',
    )
    await expect(status).not.toContainText('@')
    await expectAccessible(page)
  })

  await staffCall(page, 'PUT', '/api/account/mail-preferences', {
    address: '',
    newInquiries: false,
    overdueInquiries: false,
  })
  await resident.close()
})
