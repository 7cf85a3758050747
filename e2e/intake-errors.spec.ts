import { expect, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn } from './fixtures/helpers.ts'

const accounts = loadAccounts()

test('the intake form lists every error at once, each linked to its field, and then the server’s', async ({
  page,
}) => {
  await logIn(page, accounts.counsellor)
  await page.goto('/cases/new')
  await expect(page.getByRole('heading', { level: 1, name: '新規受付' })).toBeVisible()

  await test.step('an impossible 和暦 date, a short phone number and no method: all in one summary', async () => {
    await page.getByLabel(/^受付日/).fill('R8.2.30')
    await page.getByLabel('続柄').selectOption({ label: '母' })
    await page.getByLabel(/^電話番号(?!の種別)/).fill('12-34')
    await page.getByRole('button', { name: '受付を登録する' }).click()

    const summary = page.getByRole('region', { name: '入力内容を確認してください' })
    await expect(summary).toBeFocused()
    const links = summary.getByRole('link')
    await expect(links).toHaveText([/^受付日：日付は/, /^電話番号：電話番号は6〜15桁/, /^手法：手法を選択/])
    await summary.getByRole('link', { name: /^受付日：/ }).click()
    await expect(page.getByLabel(/^受付日/)).toBeFocused()
    await summary.getByRole('link', { name: /^電話番号：/ }).click()
    await expect(page.getByLabel(/^電話番号(?!の種別)/)).toBeFocused()
    await expectAccessible(page)
  })

  await test.step('with the client’s checks passed, a field only the server refuses shows the same way', async () => {
    await page.getByLabel(/^受付日/).fill('R8.2.28')
    await page.getByLabel(/^電話番号(?!の種別)/).fill('075-123-4567')
    await page.getByRole('radio', { name: '電話', exact: true }).check()
    await page.getByLabel('所要時間（分）').fill('三十')
    await page.getByRole('button', { name: '受付を登録する' }).click()

    const summary = page.getByRole('region', { name: '入力内容を確認してください' })
    await expect(summary).toBeFocused()
    await expect(summary.getByRole('link')).toHaveText([/^所要時間（分）：/])
    await summary.getByRole('link', { name: /^所要時間（分）：/ }).click()
    await expect(page.getByLabel('所要時間（分）')).toBeFocused()
    await expect(page).toHaveURL(/\/cases\/new/)
  })
})
