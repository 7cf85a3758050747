import { expect, type Page, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn } from './fixtures/helpers.ts'
import { SEED_CITY_DIR, workbookFromCsvFolder } from './fixtures/ledger.ts'

const accounts = loadAccounts()
const SEED_REPORT = '/report?from=2020-09-01&to=2021-08-31'

/**
 * The seed ledger, imported unless an earlier flow (report-and-import) already did: this spec
 * also runs alone, on a store that starts empty.
 */
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

test('headquarters reads the drafted findings with their figures and rewords one', async ({ page }) => {
  await logIn(page, accounts.headquarters)
  await ensureSeedLedger(page)

  const findings = page.getByRole('region', { name: '所見（下書き）' })
  const baselineSentence = '相談件数は比較基準（令和元年度）の1.3倍となる411件でした。'

  await test.step('the findings come first, each with its figures and source in plain text', async () => {
    await page.goto(SEED_REPORT)
    await expect(findings).toBeVisible()
    await expect(findings.getByText(baselineSentence, { exact: true })).toBeVisible()
    await expect(
      findings.getByText(
        '分子 411 ／ 分母 307 ＝ 1.3倍　出典：表2 相談件数（年齢区分別）、比較基準：令和元年度',
      ),
    ).toBeVisible()
    await expect(findings.getByText(/40歳以上の当事者に関する相談件数は.*3\.4倍/)).toBeVisible()
    await expect(findings.getByText(/55ケースのうち.*31件（6割弱）/)).toBeVisible()
    await expect(findings.getByText(/17人（7割以上）が「満足」又は「やや満足」/)).toBeVisible()
    await expect(page.getByText('グラフを読み込んでいます…')).toHaveCount(0)
    await expectAccessible(page)
  })

  await test.step('an empty text is refused with the field’s message', async () => {
    await findings.getByRole('button', { name: /所見「相談件数は比較基準/ }).click()
    const field = findings.getByRole('textbox', { name: /所見の文/ })
    await field.fill('')
    await findings.getByRole('button', { name: '確認へ進む' }).click()
    await findings.getByRole('button', { name: '保存する' }).click()
    await expect(findings.getByText('所見の文：所見の文を入力してください')).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('a new wording, confirmed, replaces the sentence and shows who edited it', async () => {
    const field = findings.getByRole('textbox', { name: /所見の文/ })
    await field.fill('相談件数は再編前の1.3倍となる411件となった。')
    await findings.getByRole('button', { name: '確認へ進む' }).click()
    await expect(page.getByRole('heading', { name: 'この文で所見を保存しますか' })).toBeFocused()
    await expectAccessible(page)
    await findings.getByRole('button', { name: '保存する' }).click()
    await expect(findings.getByText('所見の文を保存しました。')).toBeVisible()
    // The sentence itself (the history below, still closed, holds it too).
    await expect(
      findings.locator('li > p', { hasText: '相談件数は再編前の1.3倍となる411件となった。' }),
    ).toBeVisible()
    await expect(findings.getByText(/^編集済み：/)).toBeVisible()
    // The figures stay as counted.
    await expect(findings.getByText(/^分子 411 ／ 分母 307 ＝ 1\.3倍/)).toBeVisible()
    await findings.getByText('編集の履歴（1件）').click()
    await expect(findings.getByText(baselineSentence, { exact: true })).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('the workbook carries the edited text', async () => {
    const href = await page.getByRole('link', { name: 'Excelでダウンロード' }).getAttribute('href')
    const response = await page.request.get(href ?? '')
    expect(response.status()).toBe(200)
    const json = await (await page.request.get('/api/reports?from=2020-09-01&to=2021-08-31')).json()
    expect(json.findings[0]).toMatchObject({
      id: 'consultations_vs_baseline',
      text: '相談件数は再編前の1.3倍となる411件となった。',
      numerator: 411,
      denominator: 307,
      value: 1.3,
      phrase: '1.3倍',
    })
  })
})
