import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn, logOut } from './fixtures/helpers.ts'

const accounts = loadAccounts()

// A name no other run or test uses, so list checks are unambiguous.
const suffix = randomBytes(3).toString('hex')
const personName = `試験 太郎${suffix}`

test('a counsellor opens a case, fixes a wrong date, records contacts and hands it over to kita', async ({
  page,
}) => {
  let caseUrl = ''

  await test.step('window counsellor: intake with a wrong date, then corrected', async () => {
    await logIn(page, accounts.counsellor)
    await page.goto('/cases/new')
    await expect(page.getByRole('heading', { level: 1, name: '新規受付' })).toBeVisible()
    await expectAccessible(page)

    await page.getByLabel('受付日').fill('2025/2/30')
    await page.getByRole('radio', { name: '家族・親族' }).check()
    await page.getByLabel(/^氏名/).fill(personName)
    await page.getByLabel(/^ふりがな/).fill('しけん たろう')
    await page.getByLabel('居住区').selectOption({ label: '北区' })
    await page.getByRole('radio', { name: '電話', exact: true }).check()
    await page.getByLabel('相談の内容').fill('母親から電話。本人は自室で過ごしている。')
    await page.getByRole('button', { name: '受付を登録する' }).click()

    const summary = page.getByRole('heading', { name: '入力内容を確認してください' })
    await expect(summary).toBeVisible()
    await expect(page.locator('#openedOn')).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(page)

    // The summary links to the field; today (the form's default) is a valid date.
    await page.getByRole('link', { name: /受付日/ }).click()
    await expect(page.locator('#openedOn')).toBeFocused()
    await page.locator('#openedOn').fill(todaySlash())
    await page.getByRole('button', { name: '受付を登録する' }).click()

    // The page after saving says what was saved, with focus on the message.
    const saved = page.getByRole('region', { name: /受付を登録しました/ })
    await expect(saved).toBeFocused()
    await expect(saved).toContainText('電話・対象：家族・親族')
    await expectAccessible(page)
    await saved.getByRole('link', { name: 'ケースを開く' }).click()

    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/)
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(personName) })).toBeVisible()
    await expect(
      page.locator('article p', { hasText: '母親から電話。本人は自室で過ごしている。' }),
    ).toBeVisible()
    caseUrl = new URL(page.url()).pathname
    await expectAccessible(page)
  })

  await test.step('two contacts', async () => {
    for (const [method, counterpart, text] of [
      ['電話', '家族・親族（登録のない方）', '母親より電話。本人の生活の様子を聞き取った。'],
      ['面談', '本人', '本人と面談。次回の約束をした。'],
    ] as const) {
      await page.getByRole('button', { name: '対応を記録', exact: true }).click()
      const form = page.getByRole('region', { name: '対応を記録' })
      await form.getByRole('radio', { name: method, exact: true }).check()
      await form.getByRole('radio', { name: counterpart, exact: true }).check()
      await form.getByLabel('内容').fill(text)
      await expectAccessible(page)
      await form.getByRole('button', { name: '対応を記録する' }).click()
      await expect(page.getByRole('status')).toContainText('対応を記録しました。')
      // In the timeline (an article per contact), not the form's textarea, which may still hold
      // the text for a moment while the form closes.
      await expect(page.locator('article p', { hasText: text })).toBeVisible()
    }
    await expectAccessible(page)
  })

  await test.step('handover to kita, with a confirmation', async () => {
    await page.getByRole('button', { name: '区へ引継ぎ' }).click()
    await page.getByLabel('引継ぎ先の区').selectOption({ label: '北区' })
    await page
      .getByLabel('アセスメントの要約')
      .fill('家族からの相談が続いている。区での追加アセスメントを依頼。')
    await page.getByRole('button', { name: '確認へ進む' }).click()
    await expect(page.getByText('このケースを北区へ引き継ぎます。よろしいですか？')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: '引き継ぐ' }).click()
    await expect(page.getByRole('status')).toContainText('ケースを区へ引き継ぎました。')
    await expect(page.getByRole('region', { name: '基本情報' })).toContainText('引継ぎ済')
    await expectAccessible(page)
  })

  await test.step("kita's coordinator sees the case", async () => {
    await logOut(page)
    await logIn(page, accounts.kita)
    await page.goto('/cases')
    await expect(page.getByRole('heading', { level: 1, name: 'ケース一覧' })).toBeVisible()
    await expect(page.getByText(personName)).toBeVisible()
    await expectAccessible(page)
    await page.goto(caseUrl)
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(personName) })).toBeVisible()
    await expect(
      page.getByText('母親より電話。本人の生活の様子を聞き取った。', { exact: true }),
    ).toBeVisible()
    await expectAccessible(page)
  })

  await test.step("sakyo's coordinator does not", async () => {
    await logOut(page)
    await logIn(page, accounts.sakyo)
    await page.goto('/cases')
    await expect(page.getByRole('heading', { level: 1, name: 'ケース一覧' })).toBeVisible()
    // Wait for the list to have loaded, so that the absence below means something. While it loads
    // the region has a second status (「ケースを読み込んでいます…」), hence the filter.
    await expect(
      page
        .getByRole('region', { name: '検索結果' })
        .getByRole('status')
        .filter({ hasText: /^全\d+件/ }),
    ).toBeVisible()
    await expect(page.getByText(personName)).toHaveCount(0)
    await expectAccessible(page)
    await page.goto(caseUrl)
    await expect(page.getByRole('heading', { level: 1, name: 'ケースを表示できません' })).toBeVisible()
    await expect(page.getByText(personName)).toHaveCount(0)
    await expectAccessible(page)
  })

  await test.step('an address cut short says so, not that a search was wrong', async () => {
    await page.goto(caseUrl.slice(0, -6))
    await expect(page.getByRole('heading', { level: 1, name: 'ケースを表示できません' })).toBeVisible()
    await expect(page.getByText('ページのアドレスを確認してください')).toBeVisible()
    await expect(page.getByText('検索条件を確認してください')).toHaveCount(0)
    await expectAccessible(page)
  })
})

/** Today in Tokyo as staff type it (2026/11/24). */
function todaySlash(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', dateStyle: 'short' }).format(
    new Date(),
  )
  const [y, m, d] = parts.split('-')
  return `${y}/${Number(m)}/${Number(d)}`
}
