import { expect, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn, slashDate, tokyoIsoDate } from './fixtures/helpers.ts'

const accounts = loadAccounts()

test('headquarters copies the 相談窓口 template, publishes it, types in a paper answer and reads the results', async ({
  page,
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

  await test.step('a paper answer is stored as P-0001 and counted; its free text can be removed', async () => {
    const paper = page.getByRole('region', { name: '紙の回答を入力する' })
    await paper.getByRole('textbox', { name: '回答日' }).fill(slashDate(tokyoIsoDate()))
    await paper.getByRole('radio', { name: '満足', exact: true }).check()
    await paper.getByRole('textbox', { name: /設問2/ }).fill('丁寧に話を聞いてもらえた')
    await paper.getByRole('button', { name: '紙の回答を登録する' }).click()
    await expect(page.getByText('紙の回答を P-0001 として登録しました。')).toBeVisible()
    const results = page.getByRole('region', { name: '集計結果' })
    await expect(results.getByText('回答数 1件（配布数が未入力のため回答率は出せません）')).toBeVisible()
    const table = results.getByRole('table', { name: /設問1の集計/ })
    await expect(table.getByRole('row', { name: '満足 1 100.0%' })).toBeVisible()
    await expect(results.getByText('丁寧に話を聞いてもらえた', { exact: false })).toBeVisible()
    await expectAccessible(page)
    await results.getByRole('button', { name: 'P-0001 の自由記述を削除' }).click()
    await results.getByRole('button', { name: '削除する' }).click()
    await expect(results.getByText('P-0001 の設問2の自由記述を削除しました。')).toBeVisible()
    await expect(results.getByText('丁寧に話を聞いてもらえた', { exact: false })).toHaveCount(0)
    await expect(page.getByText('回答があるため設問は変更できません。', { exact: false })).toBeVisible()
    await expectAccessible(page)
  })
})
