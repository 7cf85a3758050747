import { randomBytes } from 'node:crypto'
import { expect, type Page, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn, tokyoIsoDate } from './fixtures/helpers.ts'

// Each role's home tells them what to do today (issue 14), with no refused request behind it:
// the window counsellor, the ward coordinator, the よりそい支援員 and headquarters.
const accounts = loadAccounts()
const tag = randomBytes(3).toString('hex')

/** Every API answer of 400 and above while the page loads: a home must not lean on a refusal. */
function refusals(page: Page): string[] {
  const found: string[] = []
  page.on('response', (res) => {
    if (res.url().includes('/api/') && res.status() >= 400) found.push(`${res.status()} ${res.url()}`)
  })
  return found
}

async function openHome(page: Page, heading: string) {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expect(page.getByText(/読み込んでいます/)).toHaveCount(0)
}

test('window counsellor: the work list, with nothing refused', async ({ page }) => {
  await logIn(page, accounts.counsellor)
  const refused = refusals(page)
  await openHome(page, '作業一覧')
  await expect(page.getByRole('link', { name: '新規受付' }).first()).toBeVisible()
  expect(refused).toEqual([])
  await expectAccessible(page)
})

test('ward coordinator: the inbox counts days waited and flags cases over the limit on the home', async ({
  page,
}) => {
  await logIn(page, accounts.kita)
  // A case the ward took in 45 days ago and nobody has brought to a meeting yet.
  const session = await (await page.request.get('/api/auth/session')).json()
  const opened = await page.request.post('/api/cases', {
    headers: { 'x-csrf-token': session.csrfToken },
    data: {
      openedOn: tokyoIsoDate(-45),
      ward: 'kita',
      wardRoute: 'ward_section',
      firstConsulter: 'family',
      route: 'web',
      concerns: ['work'],
      urgency: 'normal',
      name: `待機 ${tag}`,
      kana: 'たいき',
      gender: 'male',
      age: 35,
    },
  })
  expect(opened.status(), await opened.text()).toBe(201)
  const caseNo = (await opened.json()).caseNo as string

  const refused = refusals(page)
  await openHome(page, '作業一覧')
  const inbox = page.getByRole('region', { name: '引継ぎ・受付' })
  await expect(inbox.getByRole('link', { name: /日を超えて待っている/ })).toBeVisible()
  const long = inbox.getByRole('listitem').filter({ hasText: caseNo })
  await expect(long).toContainText('45日')
  expect(refused).toEqual([])
  await expectAccessible(page)

  await page.goto('/ward/inbox')
  await expect(page.getByRole('heading', { level: 1, name: '引継ぎ・受付' })).toBeVisible()
  const header = page.getByRole('columnheader', { name: /待ち日数/ })
  await expect(header).toHaveAttribute('aria-sort', 'descending')
  await expect(page.getByRole('row').filter({ hasText: caseNo })).toContainText('45日')
  await header.getByRole('button').click()
  await expect(page).toHaveURL(/order=shortest/)
  await expect(header).toHaveAttribute('aria-sort', 'ascending')
  await expectAccessible(page)
})

test('よりそい支援員: the home lists what is due, quiet cases, led cases and meetings, never a 403', async ({
  page,
}) => {
  await logIn(page, accounts.yorisoi)
  const refused = refusals(page)
  await openHome(page, 'ホーム')
  for (const name of [
    /^期日の近い確認/,
    /日以上支援記録のないケース$/,
    /^主担当のケース/,
    '担当ケースが議題の支援調整会議',
  ]) {
    await expect(page.getByRole('region', { name })).toBeVisible()
  }
  await expect(page.getByRole('link', { name: '担当ケースの一覧' })).toBeVisible()
  expect(refused).toEqual([])
  await expectAccessible(page)
})

test('headquarters: the home and the import page, with no command for office staff', async ({ page }) => {
  await logIn(page, accounts.headquarters)
  const refused = refusals(page)
  await openHome(page, 'ホーム')
  await expect(page.getByRole('main').getByRole('link', { name: '台帳の取込' })).toBeVisible()
  expect(refused).toEqual([])
  await expectAccessible(page)
  await page.goto('/import')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: '書き出し' })).toBeVisible()
  await expect(page.locator('body')).not.toContainText(/npm|npx|yorisoi --/u)
  await expectAccessible(page)
})
