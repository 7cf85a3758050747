import { expect, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn } from './fixtures/helpers.ts'

const accounts = loadAccounts()

test('a counsellor opts in to mail notices on their own page: an opt-in needs an address, and the choice is kept', async ({
  page,
}) => {
  await logIn(page, accounts.counsellor)
  await page.getByRole('link', { name: 'メール通知' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'メール通知' })).toBeVisible()
  await expectAccessible(page)

  const address = page.getByLabel(/^通知先のメールアドレス/)
  const newOnes = page.getByRole('checkbox', { name: /^新しいウェブ相談/ })
  const overdue = page.getByRole('checkbox', { name: /^返信待ちのウェブ相談/ })

  await test.step('an opt-in without an address is refused, with the error linked from the summary', async () => {
    await newOnes.check()
    await page.getByRole('button', { name: '保存する' }).click()
    const summary = page.getByRole('region', { name: '保存できませんでした' })
    await expect(summary).toBeFocused()
    await expect(summary).toContainText('通知先のメールアドレス：メールで通知を受け取るには')
    await expect(address).toHaveAttribute('aria-invalid', 'true')
    await expectAccessible(page)
  })

  await test.step('with an address both opt-ins are saved and shown again after a reload', async () => {
    await address.fill('counsellor@e2e.example.lg.jp')
    await overdue.check()
    await page.getByRole('button', { name: '保存する' }).click()
    await expect(page.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible()
    await page.reload()
    await expect(address).toHaveValue('counsellor@e2e.example.lg.jp')
    await expect(newOnes).toBeChecked()
    await expect(overdue).toBeChecked()
    await expectAccessible(page)
  })

  await test.step('an empty address with nothing chosen turns the notices off', async () => {
    await address.fill('')
    await newOnes.uncheck()
    await overdue.uncheck()
    await page.getByRole('button', { name: '保存する' }).click()
    await expect(page.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible()
    await page.reload()
    await expect(address).toHaveValue('')
    await expect(newOnes).not.toBeChecked()
  })
})
