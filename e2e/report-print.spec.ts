import { expect, type Page, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn, logOut } from './fixtures/helpers.ts'
import { SEED_CITY_DIR, workbookFromCsvFolder } from './fixtures/ledger.ts'
import { keepPdf, keepScreenshot, mm, norm, type PdfPage, pdfPages } from './fixtures/pdf-pages.ts'

const accounts = loadAccounts()
const TITLE = '評価レポート（取組検証 統計）'
const PERIOD = '令和2年9月1日～令和3年8月31日'
const SEED_URL = '/report?from=2020-09-01&to=2021-08-31'
/** The page count of the seed period's city report, as measured; a change of layout shows here. */
const MAX_PAGES = 14

/** The seed ledger, imported through the API (the report flow imports it through the page). */
async function importSeedLedger(page: Page) {
  const workbook = await workbookFromCsvFolder(SEED_CITY_DIR, 'seed-city.xlsx')
  const session = await (await page.request.get('/api/auth/session')).json()
  const res = await page.request.post('/api/imports?dryRun=false&name=seed-city.xlsx', {
    data: workbook.buffer,
    headers: { 'content-type': workbook.mimeType, 'x-csrf-token': session.csrfToken },
    timeout: 120_000,
  })
  expect(res.status()).toBe(200)
  expect((await res.json()).ok).toBe(true)
}

/** Opens the seed period's report and waits until every chart has been drawn. */
async function openSeedReport(page: Page) {
  await page.goto(SEED_URL)
  await expect(page.getByText(/^新規相談件数：[\d,]+件$/)).toBeVisible({ timeout: 60_000 })
  await expect(page.getByText('グラフを読み込んでいます…')).toHaveCount(0)
  await expect(page.locator('.report-chart canvas')).toHaveCount(4)
}

/** Headings, captions and figure captions: none may be the last line of a page. */
async function headingTexts(page: Page): Promise<Set<string>> {
  const texts = await page
    .locator('main :is(h1, h2, h3, caption, figcaption)')
    .evaluateAll((els) => els.map((el) => el.textContent ?? ''))
  return new Set(texts.map(norm).filter(Boolean))
}

/** The lines between the page's header and footer margins (the report's own text). */
function bodyLines(p: PdfPage) {
  return p.lines.filter((l) => l.top > mm(18) && l.top < p.height - mm(16))
}

async function printAndCheck(page: Page, name: string, header: string, marked: boolean, minPages = 2) {
  const headings = await headingTexts(page)
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  keepPdf(name, pdf)
  const pages = await pdfPages(pdf)
  expect(pages.length).toBeGreaterThanOrEqual(minPages)
  expect(pages.length).toBeLessThanOrEqual(MAX_PAGES)
  pages.forEach((p, i) => {
    const at = `page ${i + 1} of ${name}`
    // A4 portrait: 297 mm tall.
    expect(Math.round(p.height), at).toBe(Math.round(mm(297)))
    const top = p.lines.filter((l) => l.top < mm(18)).map((l) => norm(l.text))
    const foot = p.lines.filter((l) => l.top > p.height - mm(16)).map((l) => norm(l.text))
    expect(top.join(''), at).toContain(norm(header))
    expect(top.join('').includes('取扱注意'), at).toBe(marked)
    expect(foot, at).toContain(`${i + 1}/${pages.length}`)
    const body = bodyLines(p)
    expect(body.length, at).toBeGreaterThan(0)
    if (i < pages.length - 1) {
      const last = norm(body.at(-1)!.text)
      expect(headings.has(last), `${at} ends with the heading 「${last}」`).toBe(false)
    }
  })
  return pages
}

test('the seed period report prints on numbered A4 pages, for headquarters and a ward coordinator', async ({
  page,
}) => {
  await test.step('headquarters: the seed ledger is in the store', async () => {
    await logIn(page, accounts.headquarters)
    await importSeedLedger(page)
  })

  await test.step('home: the past month and the fiscal year to date, with links to their reports', async () => {
    await page.goto('/')
    const summary = page.getByRole('region', { name: '月次の確認（全市）' })
    await expect(summary.getByRole('table', { name: /^主な件数：/ })).toBeVisible({ timeout: 30_000 })
    await expect(summary.getByRole('rowheader', { name: '新規相談件数（相談窓口）' })).toBeVisible()
    await expect(summary.getByRole('link', { name: /の評価レポートを開く$/ })).toHaveCount(2)
    await expectAccessible(page)
    await keepScreenshot(page, 'home.png')
    await summary.getByRole('link', { name: /年度.*の評価レポートを開く$/ }).click()
    await expect(page).toHaveURL(/\/report\?.*from=\d{4}-04-01/)
  })

  await test.step('report: charts carry their unit, 和暦 months and a data table beside them', async () => {
    await openSeedReport(page)
    await expect(page.getByText('新規相談件数：411件')).toBeVisible()
    const figure2 = page.getByRole('figure', { name: /^図2 新規相談件数の推移（月別）（単位：件）/ })
    await expect(figure2.getByRole('table', { name: '図2のデータ' })).toBeVisible()
    await expect(figure2.getByRole('rowheader', { name: '令和3年1月' })).toBeVisible()
    await expectAccessible(page)
    await keepScreenshot(figure2, 'figure2-screen.png')
  })

  await test.step('report: printed to PDF, numbered N / M with the title and period above', async () => {
    await page.emulateMedia({ media: 'print' })
    await printAndCheck(page, 'report-city.pdf', `${TITLE}　${PERIOD}　全市`, false)
    await page.emulateMedia({ media: 'screen' })
  })

  await test.step('a ward coordinator opens their own ward report from the menu, marked 取扱注意', async () => {
    await logOut(page)
    await logIn(page, accounts.sakyo)
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '評価レポート' })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
    await expect(page.locator('#ward')).toHaveCount(0)
    await expect(page.getByText('左京区（ご自分の区役所・支所の分だけを集計します）')).toBeVisible()
    await page.getByRole('button', { name: '令和2年9月～令和3年8月', exact: true }).click()
    await expect(page.getByText(`集計期間：${PERIOD}　対象：左京区`)).toBeVisible({ timeout: 60_000 })
    await expect(page.getByText('グラフを読み込んでいます…')).toHaveCount(0)
    await expect(page.getByText('取扱注意（少数の集計を含みます）')).toBeVisible()
    await expectAccessible(page)
    // Asking for another ward in the address still gives their own.
    await page.goto(`${SEED_URL}&ward=kita`)
    await expect(page.getByText(`集計期間：${PERIOD}　対象：左京区`)).toBeVisible({ timeout: 60_000 })
    await expect(page.locator('.report-chart canvas')).toHaveCount(4)
    await page.emulateMedia({ media: 'print' })
    await printAndCheck(page, 'report-sakyo.pdf', `${TITLE}　${PERIOD}　左京区`, true)
  })

  await test.step('the same coordinator prints a meeting’s minutes: 取扱注意, 作成者 and 確認欄, numbered', async () => {
    await page.emulateMedia({ media: 'screen' })
    const list = await (await page.request.get('/api/meetings?when=past&pageSize=100')).json()
    // The ledger's meetings of sakyo; the one with the most cases on its agenda, if any has some.
    const meetings = (list.items as { id: string; agendaCount: number }[]).sort(
      (a, b) => b.agendaCount - a.agendaCount,
    )
    const meeting = meetings[0]
    expect(meeting, 'a past meeting of sakyo from the seed ledger').toBeTruthy()
    await page.goto(`/meetings/${meeting!.id}/minutes`)
    await expect(page.getByRole('heading', { level: 1, name: /^議事録/ })).toBeVisible()
    await expect(page.getByText(/^作成者：.*左京区 係長$/)).toBeVisible()
    await expect(page.getByRole('table', { name: '確認欄' }).getByRole('columnheader')).toHaveText([
      'センター長（議長）',
      '寄り添い支援係長',
      '記録担当',
    ])
    await expectAccessible(page)
    await page.emulateMedia({ media: 'print' })
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''
    const pages = await printAndCheck(page, 'minutes-sakyo.pdf', title, true, 1)
    expect(
      norm(
        pages
          .at(-1)!
          .lines.map((l) => l.text)
          .join(''),
      ),
    ).toContain('確認欄')
  })
})
