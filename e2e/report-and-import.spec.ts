import { expect, type Locator, type Page, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn } from './fixtures/helpers.ts'
import { casesCsvWithImpossibleDate, SEED_CITY_DIR, workbookFromCsvFolder } from './fixtures/ledger.ts'

const accounts = loadAccounts()

// The seed city's ledger reproduces the 2021 evaluation report; the store starts empty, so
// after the import the report over the seed period shows exactly the published figures.
const SEED_PERIOD_LABEL = '令和2年9月～令和3年8月'

/** The cells after the row header of the row whose header is `label`. */
function rowCells(table: Locator, label: string): Locator {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: label, exact: true }) })
    .getByRole('cell')
}

/** Presses Tab until `target` has focus; fails if it never gets it (unreachable by keyboard). */
async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`not reached with ${maxPresses} presses of Tab`)
}

test('headquarters imports the seed ledger, sees a bad file rejected, and reads the report', async ({
  page,
}) => {
  const workbook = await workbookFromCsvFolder(SEED_CITY_DIR, 'seed-city.xlsx')

  await test.step('log in as headquarters', async () => {
    await logIn(page, accounts.headquarters)
  })

  await test.step('/import: the dry run of the seed workbook counts every sheet, with no errors', async () => {
    await page.goto('/import')
    await expect(page.getByRole('heading', { level: 1, name: '台帳の取込' })).toBeVisible()
    await expectAccessible(page)

    await page.getByLabel('取り込むファイル').setInputFiles(workbook)
    await page.getByRole('button', { name: '確認（取込前チェック）' }).click()
    await expect(page.getByRole('heading', { level: 2, name: '確認の結果' })).toBeVisible({ timeout: 60_000 })

    const counts = page.getByRole('table', { name: '「seed-city.xlsx」を取り込むと変わる件数' })
    for (const [sheet, added] of [
      ['相談ケース', 453],
      ['対応記録', 1533],
      ['支援調整会議', 62],
      ['検討ケース', 122],
      ['社会資源', 11],
      ['比較基準', 4],
    ] as const) {
      await expect(rowCells(counts, sheet)).toHaveText([`${added}件`, '0件'])
    }
    await expect(page.getByRole('table', { name: /^エラー/ })).toHaveCount(0)
    await expect(page.getByRole('table', { name: /^警告/ })).toHaveCount(0)
    // The confirmation panel takes focus so that keyboard users land on it.
    await expect(page.getByRole('heading', { name: 'この内容で取り込みますか' })).toBeFocused()
    await expectAccessible(page)
  })

  await test.step('/import: confirmed, the import writes the same counts', async () => {
    await page.getByRole('button', { name: 'この内容で取り込む' }).click()
    await expect(page.getByRole('heading', { level: 2, name: '取込の結果' })).toBeVisible({ timeout: 60_000 })
    const result = page.getByRole('region', { name: '取込の結果' })
    await expect(result.getByRole('status')).toContainText('取り込みました')
    const done = result.getByRole('table', { name: '取り込んだ件数' })
    await expect(rowCells(done, '相談ケース')).toHaveText(['453件', '0件'])
    await expect(rowCells(done, '対応記録')).toHaveText(['1533件', '0件'])
    await expectAccessible(page)
  })

  await test.step('/import: a cases CSV with 30 February is rejected with where and why', async () => {
    await page.getByLabel('取り込むファイル').setInputFiles(casesCsvWithImpossibleDate('cases.csv'))
    await page.getByRole('button', { name: '確認（取込前チェック）' }).click()
    const checked = page.getByRole('region', { name: '確認の結果' })
    await expect(checked.getByRole('alert')).toContainText('取り込めません（エラー 1件）')
    const errors = checked.getByRole('table', { name: 'エラー 1件' })
    await expect(errors.getByRole('columnheader')).toHaveText(['シート', '行', '列', '内容'])
    await expect(errors.locator('tbody tr').getByRole('cell')).toHaveText([
      '相談ケース',
      '2',
      '受付日（opened_on）',
      '実在しない日付です',
    ])
    await expect(page.getByRole('button', { name: 'この内容で取り込む' })).toHaveCount(0)
    await expectAccessible(page)
  })

  await test.step('/report: the seed period chosen by keyboard shows the published figures', async () => {
    await page.goto('/report')
    await expect(page.getByRole('heading', { level: 1, name: /評価レポート/ })).toBeVisible()
    await expect(page.getByText('集計する期間を選んでください')).toBeVisible()
    await expectAccessible(page)

    const shortcut = page.getByRole('button', { name: SEED_PERIOD_LABEL, exact: true })
    await tabTo(page, shortcut)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/from=2020-09-01/)
    await expect(page).toHaveURL(/to=2021-08-31/)
    await expect(page.getByRole('button', { name: SEED_PERIOD_LABEL, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    // The keyboard user stays where they were: the pressed button keeps the focus.
    await expect(page.getByRole('button', { name: SEED_PERIOD_LABEL, exact: true })).toBeFocused()

    await expect(page.getByText('新規相談件数：411件')).toBeVisible()
    const ages = page.getByRole('table', { name: '表2 年齢区分別相談件数' })
    // Columns: baseline (令和元年度), this period, change.
    await expect(ages.getByRole('columnheader').nth(1)).toHaveText('比較基準（令和元年度）')
    await expect(rowCells(ages, '39歳以下').nth(1)).toHaveText('210')
    await expect(rowCells(ages, '40歳以上').nth(1)).toHaveText('134')
    await expect(rowCells(ages, '不明').nth(1)).toHaveText('67')
    await expect(rowCells(ages, '合計').nth(1)).toHaveText('411')
    await expect(rowCells(ages, '合計').first()).toHaveText('307')

    const contacts = page.getByRole('table', { name: '延べ対応回数（手法 × 対象）' })
    await expect(rowCells(contacts, '合計').last()).toHaveText('1,482')
    const meetings = page.getByRole('table', { name: '支援調整会議実績' })
    await expect(rowCells(meetings, '開催回数')).toHaveText('62')

    // The charts load lazily; check the page once they have replaced their placeholders.
    await expect(page.getByText('グラフを読み込んでいます…')).toHaveCount(0)
    await expectAccessible(page)
  })

  await test.step('/report: the Excel download answers with a workbook', async () => {
    const excel = page.getByRole('link', { name: 'Excelでダウンロード' })
    const href = await excel.getAttribute('href')
    expect(href).toContain('from=2020-09-01')
    const response = await page.request.get(href ?? '')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toContain('spreadsheetml')
    // An xlsx file is a zip archive.
    expect((await response.body()).subarray(0, 2).toString('latin1')).toBe('PK')
  })

  await test.step('/report: the 8050 filter narrows the case tables, not the meetings', async () => {
    await page.getByRole('checkbox', { name: '8050世帯のケースのみ' }).check()
    await page.getByRole('button', { name: 'この条件で集計' }).click()
    // The router writes search values as JSON: the text true is quoted in the address.
    await expect(page).toHaveURL(/flag8050=(%22)?true/)
    await expect(page.getByText('8050世帯のケースのみの集計です')).toBeVisible()
    await expect(page.getByRole('checkbox', { name: '8050世帯のケースのみ' })).toBeChecked()
    const count = page.getByText(/^新規相談件数：[\d,]+件$/)
    await expect(count).not.toHaveText('新規相談件数：411件')
    const n = Number(/：([\d,]+)件/.exec((await count.textContent()) ?? '')?.[1]?.replace(',', ''))
    expect(n).toBeLessThan(411)
    const meetings = page.getByRole('table', { name: '支援調整会議実績' })
    await expect(rowCells(meetings, '開催回数')).toHaveText('62')
    expect(await page.getByRole('link', { name: 'Excelでダウンロード' }).getAttribute('href')).toContain(
      'flag8050=true',
    )
    await expectAccessible(page)
  })

  await test.step('/baselines: 令和元年度 from the ledger, with its uncounted 不明', async () => {
    await page.goto('/baselines')
    await expect(page.getByRole('heading', { level: 1, name: '比較基準' })).toBeVisible()
    const table = page.getByRole('table', { name: '比較基準の一覧' })
    const cells = rowCells(table, '令和元年度')
    await expect(cells.nth(1)).toHaveText('268')
    await expect(cells.nth(2)).toHaveText('39')
    await expect(cells.nth(3)).toContainText('—')
    await expect(cells.nth(3)).toContainText('未集計')
    await expect(cells.nth(4)).toHaveText('307')
    await expectAccessible(page)
  })
})
