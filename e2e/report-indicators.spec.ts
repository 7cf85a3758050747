import { expect, type Page, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn } from './fixtures/helpers.ts'
import { SEED_CITY_DIR, workbookFromCsvFolder } from './fixtures/ledger.ts'

const accounts = loadAccounts()
const SEED_REPORT = '/report?from=2020-09-01&to=2021-08-31'

/** The seed ledger, imported unless an earlier flow already did (this spec also runs alone). */
async function ensureSeedLedger(page: Page) {
  const report = await page.request.get('/api/reports?from=2020-09-01&to=2021-08-31')
  if ((await report.json()).consultations.total > 0) return
  await page.goto('/import')
  await page
    .getByLabel('取り込むファイル')
    .setInputFiles(await workbookFromCsvFolder(SEED_CITY_DIR, 'seed-city.xlsx'))
  await page.getByRole('button', { name: '確認（取込前チェック）' }).click()
  await page.getByRole('button', { name: 'この内容で取り込む' }).click({ timeout: 90_000 })
  await expect(page.getByRole('heading', { level: 2, name: '取込の結果' })).toBeVisible({ timeout: 90_000 })
}

test('headquarters records 表1 on the report page and reads the indicator sections', async ({ page }) => {
  await logIn(page, accounts.headquarters)
  await ensureSeedLedger(page)
  await page.goto(SEED_REPORT)
  const verification = page.getByRole('region', { name: '取組検証の手法' })
  const table1 = verification.getByRole('table', { name: /^表1 取組検証の手法/ })

  await test.step('every indicator section is there, 表1 first', async () => {
    await expect(table1).toBeVisible({ timeout: 60_000 })
    for (const name of [
      '実人数・延べ件数と人口当たり',
      'よりそい支援員の活動・つなぎ・全市の会議',
      '家族支援',
      'ウェブ相談',
    ])
      await expect(page.getByRole('region', { name })).toBeVisible()
    await expect(
      page
        .getByRole('table', { name: '相談・対応の実人数と延べ件数' })
        .getByRole('rowheader', { name: '相談（新規ケース）' }),
    ).toBeVisible()
    await expect(page.getByText('グラフを読み込んでいます…')).toHaveCount(0)
    await expectAccessible(page)
  })

  await test.step('a method without its 対象 is refused with the field’s message', async () => {
    await verification.getByRole('button', { name: '検証手法を追加する' }).click()
    await verification.getByRole('textbox', { name: /^手法/ }).fill('よりそい支援員ヒアリング')
    await verification.getByRole('button', { name: '追加する' }).click()
    await expect(verification.getByText('対象：対象を入力してください')).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('a method with its dates and who was heard appears in 表1', async () => {
    await verification.getByRole('combobox', { name: /^区分/ }).selectOption('interview')
    await verification.getByRole('textbox', { name: /^実施時期（開始）/ }).fill('R3.8.1')
    await verification.getByRole('textbox', { name: /^実施時期（終了）/ }).fill('R3.8.31')
    await verification.getByRole('textbox', { name: /^対象/ }).fill('よりそい支援員')
    await verification.getByRole('button', { name: '追加する' }).click()
    const row = table1.getByRole('row', { name: /よりそい支援員ヒアリング/ })
    await expect(row).toContainText('ヒアリング')
    await expect(row).toContainText('令和3年8月')
    await expect(
      verification.getByRole('button', { name: /^編集\s*：よりそい支援員ヒアリング$/ }),
    ).toBeVisible()
    await expectAccessible(page)
  })
})
