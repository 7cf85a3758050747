import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn, tokyoIsoDate } from './fixtures/helpers.ts'

const accounts = loadAccounts()
const personName = `期日 花子${randomBytes(3).toString('hex')}`

/** Today in Tokyo as staff write it in 和暦 shorthand (R8.11.24). */
function todayReiwa(): string {
  const [y, m, d] = tokyoIsoDate().split('-').map(Number) as [number, number, number]
  return `R${y - 2018}.${m}.${d}`
}

test('a counsellor records a next step due today in 和暦, from a form preset by the last contact, and finds it on the home page', async ({
  page,
}) => {
  await test.step('open a case', async () => {
    await logIn(page, accounts.counsellor)
    await page.goto('/cases/new')
    await page.getByRole('radio', { name: '家族・親族' }).check()
    await page.getByLabel(/^氏名/).fill(personName)
    await page.getByLabel('居住区').selectOption({ label: '北区' })
    await page.getByRole('radio', { name: '電話', exact: true }).check()
    await page.getByLabel('相談の内容').fill('母親から電話。')
    await page.getByRole('button', { name: '受付を登録する' }).click()
    await page
      .getByRole('region', { name: /受付を登録しました/ })
      .getByRole('link', { name: 'ケースを開く' })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(personName) })).toBeVisible()
  })

  await test.step('対応を記録 comes first; the due date is read back as it is typed', async () => {
    const record = page.getByRole('button', { name: '対応を記録', exact: true })
    const basics = page.getByRole('heading', { level: 2, name: '基本情報' })
    const [recordBox, basicsBox] = [await record.boundingBox(), await basics.boundingBox()]
    expect(recordBox!.y).toBeLessThan(basicsBox!.y)
    await record.click()
    const form = page.getByRole('region', { name: '対応を記録' })
    // Preselected from the last contact (the intake call): a phone call with the family.
    await expect(form.getByRole('radio', { name: '電話', exact: true })).toBeChecked()
    await expect(form.getByRole('radio', { name: /^家族・親族/ })).toBeChecked()
    await form.locator('#contact-nextStep').fill('母に折り返し電話')
    const due = form.getByLabel('次の対応の期日')
    await due.fill('R8.2.30')
    const reading = form.locator('#contact-nextStepDueOn-reading')
    await expect(reading).toHaveText('実在しない日付です')
    await due.fill(todayReiwa())
    await expect(reading).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日（令和\d+年）$/)
    await form.getByLabel('次の対応の時刻').fill('16:00')
    await expectAccessible(page)
    await form.getByRole('button', { name: '対応を記録する' }).click()
    const status = page.getByRole('status').filter({ hasText: '対応を記録しました。' })
    await expect(status).toBeFocused()
    await expect(status).toBeInViewport()
  })

  await test.step('the home page lists it as due today, mine and the team’s', async () => {
    await page.goto('/')
    const due = page.getByRole('region', { name: '期日の近い対応' })
    const row = due.getByRole('row').filter({ hasText: personName })
    await expect(row).toContainText('今日')
    await expect(row).toContainText('母に折り返し電話')
    await expect(row).toContainText('16:00')
    await expectAccessible(page)
    await due.getByRole('link', { name: 'チーム' }).click()
    await expect(page).toHaveURL(/whose=team/)
    await expect(due.getByRole('link', { name: 'チーム' })).toHaveAttribute('aria-current', 'page')
    await expect(due.getByRole('row').filter({ hasText: personName })).toBeVisible()
    await expectAccessible(page)
  })
})
