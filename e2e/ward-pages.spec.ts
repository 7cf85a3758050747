import { randomBytes } from 'node:crypto'
import { expect, type Page, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn, logOut, slashDate, tokyoIsoDate } from './fixtures/helpers.ts'

// Every page the ward-centre work added, opened by each role that uses it, with axe on each page
// and on the forms that open on them (the meeting flow itself is ward-meeting.spec.ts).
const accounts = loadAccounts()
const suffix = randomBytes(3).toString('hex')

async function visit(page: Page, path: string, heading: string) {
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  // Lists load after the heading; wait until no loading message is left.
  await expect(page.getByText(/読み込んでいます|読み込み中/)).toHaveCount(0)
  await expectAccessible(page)
}

test('headquarters maintains the resource directory and schedules a city-wide meeting', async ({ page }) => {
  await logIn(page, accounts.headquarters)
  await visit(page, '/', 'ホーム')
  await expect(page.getByRole('link', { name: '全市の会議' }).last()).toBeVisible()

  await visit(page, '/resources', '社会資源')
  await page.getByRole('button', { name: '社会資源を登録する' }).click()
  const name = page.getByLabel('名称')
  await expect(name).toBeFocused()
  await expectAccessible(page)
  // Nothing filled in: the error summary lists the name, and nothing is registered.
  await page.getByRole('button', { name: '社会資源を登録する' }).click()
  await expect(page.getByRole('heading', { name: '入力内容を確認してください' })).toBeVisible()
  await expectAccessible(page)
  await name.fill(`試験の居場所${suffix}`)
  await page.getByRole('checkbox', { name: '居場所' }).check()
  await page.getByRole('button', { name: '社会資源を登録する' }).click()
  await expect(page.getByRole('heading', { name: `試験の居場所${suffix}` })).toBeVisible()
  await expectAccessible(page)

  await visit(page, '/network', '全市の会議')
  await page.getByRole('button', { name: '会議を予定する' }).click()
  await page.getByRole('radio', { name: '支援ミーティング' }).check()
  await page.getByLabel('会議名').fill(`支援ミーティング${suffix}`)
  await page.getByLabel('開催日').fill(slashDate(tokyoIsoDate(14)))
  await expectAccessible(page)
  await page.getByRole('button', { name: '会議を予定する' }).last().click()
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`支援ミーティング${suffix}`) }),
  ).toBeVisible()
  await expectAccessible(page)

  await visit(page, '/caseloads', '担当状況')
  await logOut(page)
})

test('each ward role opens its new pages', async ({ page }) => {
  const pages: [keyof typeof accounts, [string, string][]][] = [
    [
      'kita',
      [
        ['/', '作業一覧'],
        ['/ward/inbox', '引継ぎ・受付'],
        ['/meetings', '支援調整会議'],
        ['/my-cases', '担当ケース'],
        ['/caseloads', '担当状況'],
        ['/resources', '社会資源'],
        ['/network', '全市の会議'],
      ],
    ],
    [
      'yorisoi',
      [
        ['/', 'ホーム'],
        ['/my-cases', '担当ケース'],
        ['/resources', '社会資源'],
        ['/network', '全市の会議'],
      ],
    ],
    [
      'agency',
      [
        ['/', 'ホーム'],
        ['/meetings', '支援調整会議'],
        ['/my-cases', '担当ケース'],
      ],
    ],
  ]
  for (const [who, paths] of pages) {
    await test.step(who, async () => {
      await logIn(page, accounts[who])
      for (const [path, heading] of paths) await visit(page, path, heading)
      await logOut(page)
    })
  }
})
