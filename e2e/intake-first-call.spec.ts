import { expect, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn } from './fixtures/helpers.ts'

const accounts = loadAccounts()

// Issue 9's story: a mother calls about her 45-year-old son, whose name she does not give.
const MOTHER = { name: '寄添 花子', kana: 'よりそい はなこ', katakana: 'ヨリソイ ハナコ' }
const PHONE_TYPED = '075-123-4567'
const PHONE_SEARCHED = '０７５（１２３）４５６７'
const SUMMARY = '母親から電話。45歳の息子が10年ほど自室から出ない。'

test('a counsellor records the mother’s call at intake, finds the case by her number and name, and calls back with the caution in view', async ({
  page,
}) => {
  let caseNo = ''

  await test.step('intake: the son, the mother as the caller with her caution, and the first call', async () => {
    await logIn(page, accounts.counsellor)
    await page.goto('/cases/new')
    await expect(page.getByRole('heading', { level: 1, name: '新規受付' })).toBeVisible()
    await expectAccessible(page)

    await page.getByLabel(/^年齢(?!区分)/).fill('45')
    await page.getByRole('radio', { name: '男性' }).check()
    await page.getByLabel('続柄').selectOption({ label: '母' })
    await page.getByLabel('相談者の氏名').fill(MOTHER.name)
    await page.getByLabel('相談者のふりがな').fill(MOTHER.kana)
    await page.getByLabel('相談者の年齢').fill('72')
    await page.getByRole('radiogroup', { name: '本人との同居' }).getByRole('radio', { name: '同居' }).check()
    await page.getByLabel(/^電話番号(?!の種別)/).fill(PHONE_TYPED)
    await page.getByLabel('電話番号の種別').selectOption({ label: '自宅' })
    await page
      .getByRole('radiogroup', { name: '市役所名を名乗ってよいか' })
      .getByRole('radio', { name: 'いいえ' })
      .check()
    await page.getByRole('radio', { name: '電話', exact: true }).check()
    await page.getByLabel(/^時刻/).fill('10:15')
    await page.getByLabel('所要時間（分）').fill('30')
    await page.getByLabel('相談の内容').fill(SUMMARY)
    await expectAccessible(page)
    await page.getByRole('button', { name: '受付を登録する' }).click()

    const saved = page.getByRole('region', { name: /受付を登録しました/ })
    await expect(saved).toBeFocused()
    await expect(saved).toContainText('相談者家族・親族')
    await expect(saved).toContainText(`母 ${MOTHER.name}（72歳・同居）`)
    await expect(saved).toContainText('電話・30分・対象：家族・親族')
    // The caution is read before the number.
    const text = (await saved.textContent()) ?? ''
    expect(text.indexOf('市役所名を名乗らない')).toBeGreaterThan(-1)
    expect(text.indexOf('市役所名を名乗らない')).toBeLessThan(text.indexOf(PHONE_TYPED))
    caseNo = /ケース番号 (\d{4}-\d{5})/.exec(text)?.[1] ?? ''
    expect(caseNo, 'the case number in the message').not.toBe('')
    await expectAccessible(page)
  })

  for (const [what, keyword] of [
    ['her number typed in full width with brackets', PHONE_SEARCHED],
    ['her name in katakana', MOTHER.katakana],
  ] as const) {
    await test.step(`the case list finds the case by ${what}`, async () => {
      await page.goto('/cases')
      await expect(page.getByRole('heading', { level: 1, name: 'ケース一覧' })).toBeVisible()
      await page.getByLabel('キーワード').fill(keyword)
      await page.getByRole('button', { name: 'この条件で表示' }).click()
      const results = page.getByRole('region', { name: '検索結果' })
      await expect(results.getByRole('link', { name: new RegExp(caseNo) })).toBeVisible()
      await expectAccessible(page)
    })
  }

  await test.step('calling back: the caution before the number, the 8050 flag, the first call', async () => {
    await page
      .getByRole('region', { name: '検索結果' })
      .getByRole('link', { name: new RegExp(caseNo) })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(caseNo) })).toBeVisible()
    await expect(page.getByText('8050世帯', { exact: true })).toBeVisible()
    const people = page.getByRole('region', { name: '相談者・世帯' })
    await expect(people).toContainText(PHONE_TYPED)
    const text = (await people.textContent()) ?? ''
    expect(text.indexOf('市役所名を名乗らない')).toBeGreaterThan(-1)
    expect(text.indexOf('市役所名を名乗らない')).toBeLessThan(text.indexOf(PHONE_TYPED))
    await expect(page.locator('article p', { hasText: SUMMARY })).toBeVisible()
    await expectAccessible(page)
  })
})
