import { expect, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn, slashDate, tokyoIsoDate } from './fixtures/helpers.ts'
import { axeOn, noScript } from './fixtures/no-script.ts'

const accounts = loadAccounts()

test('headquarters copies the 相談窓口 template and publishes it, a resident answers with JavaScript off, staff type a paper answer, read the results and 表4 of the report', async ({
  page,
  browser,
}) => {
  await logIn(page, accounts.headquarters)

  await test.step('the builder refuses a survey without a title, with the field’s message', async () => {
    await page.goto('/surveys')
    await expect(page.getByRole('heading', { level: 1, name: 'アンケート' })).toBeVisible()
    await page.getByRole('button', { name: 'アンケートを作成する' }).click()
    await page.getByRole('textbox', { name: '設問文' }).fill('居場所への満足度')
    await page.getByRole('textbox', { name: '選択肢' }).fill('はい\nいいえ')
    await page.getByRole('button', { name: 'アンケートを作成する' }).last().click()
    await expect(page.getByText('タイトル：タイトルを入力してください')).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'キャンセル' }).click()
  })

  await test.step('the template becomes a new survey, published', async () => {
    await page
      .getByRole('button', { name: '「「よりそい・つなぐ」相談窓口アンケート」をコピーして作成' })
      .click()
    await expect(
      page.getByRole('heading', { level: 1, name: '「よりそい・つなぐ」相談窓口アンケート' }),
    ).toBeVisible()
    await expect(page.getByText('満足 ／ やや満足 ／ 普通 ／ やや不満 ／ 不満')).toBeVisible()
    await page.getByRole('button', { name: '公開する' }).click()
    await expect(page.getByText('公開しました。')).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('a respondent answers on a phone-sized screen with JavaScript off', async () => {
    const href = await page.getByRole('link', { name: /\/soudan\/.*\/surveys\// }).getAttribute('href')
    const phone = await noScript(browser, 320)
    try {
      const resident = await phone.newPage()
      await resident.goto(href!)
      await expect(
        resident.getByRole('heading', { level: 1, name: '「よりそい・つなぐ」相談窓口アンケート' }),
      ).toBeVisible()
      await axeOn(browser, phone, href!, 320)
      await resident.getByRole('radio', { name: 'やや満足' }).check()
      await resident.getByRole('button', { name: '回答を送信する' }).click()
      await expect(resident.getByRole('heading', { level: 1, name: '回答を受け付けました' })).toBeVisible()
      await axeOn(browser, phone, new URL(resident.url()).pathname, 320)
    } finally {
      await phone.close()
    }
    await page.reload()
  })

  await test.step('a paper answer is stored as P-0001 and counted; its free text can be removed', async () => {
    const paper = page.getByRole('region', { name: '紙の回答を入力する' })
    await paper.getByRole('textbox', { name: '回答日' }).fill(slashDate(tokyoIsoDate()))
    await paper.getByRole('radio', { name: '満足', exact: true }).check()
    await paper.getByRole('textbox', { name: /設問2/ }).fill('丁寧に話を聞いてもらえた')
    await paper.getByRole('button', { name: '紙の回答を登録する' }).click()
    await expect(page.getByText('紙の回答を P-0001 として登録しました。')).toBeVisible()
    const results = page.getByRole('region', { name: '集計結果' })
    await expect(results.getByText('回答数 2件（配布数が未入力のため回答率は出せません）')).toBeVisible()
    const table = results.getByRole('table', { name: /設問1の集計/ })
    await expect(table.getByRole('row', { name: '満足 1 50.0%', exact: true })).toBeVisible()
    await expect(table.getByRole('row', { name: 'やや満足 1 50.0%', exact: true })).toBeVisible()
    await expect(results.getByText('丁寧に話を聞いてもらえた', { exact: false })).toBeVisible()
    await expectAccessible(page)
    await results.getByRole('button', { name: 'P-0001 の自由記述を削除' }).click()
    await results.getByRole('button', { name: '削除する' }).click()
    await expect(results.getByText('P-0001 の設問2の自由記述を削除しました。')).toBeVisible()
    await expect(results.getByText('丁寧に話を聞いてもらえた', { exact: false })).toHaveCount(0)
    await expect(page.getByText('回答があるため設問は変更できません。', { exact: false })).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('the evaluation report for the period builds 表4 from the web and the paper answer', async () => {
    const today = tokyoIsoDate()
    await page.goto(`/report?from=${today}&to=${today}`)
    const surveys = page.getByRole('region', { name: 'アンケート結果' })
    // Other specs import the seed's ledger into this city, whose survey bears the same title: this
    // survey is the one with the two answers given above.
    const survey = surveys
      .getByRole('region', { name: '「よりそい・つなぐ」相談窓口アンケート' })
      .filter({ hasText: '回答者数：2人' })
    await expect(survey).toBeVisible({ timeout: 60_000 })
    const table4 = survey.getByRole('table', {
      name: '表4 問1 「よりそい・つなぐ」相談窓口の対応への満足度をお聞かせください。（単一回答）',
    })
    const rows = ['満足 1 50.0%', 'やや満足 1 50.0%', '普通 0 0.0%', 'やや不満 0 0.0%', '不満 0 0.0%']
    for (const name of rows) await expect(table4.getByRole('row', { name, exact: true })).toBeVisible()
    // The free-text question is listed on the results page, not tabled in the report.
    await expect(survey.getByRole('table')).toHaveCount(1)
    await expectAccessible(page)
  })
})
