import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn } from './fixtures/helpers.ts'

const accounts = loadAccounts()
const suffix = randomBytes(3).toString('hex')
const personName = `世帯 一郎${suffix}`
const motherName = `世帯 花子${suffix}`
const mother = `母　${motherName}`

test('a counsellor records the mother who called, calls her back with the caution in view, and the case is 8050', async ({
  page,
}) => {
  let caseNo = ''

  await test.step('intake: a 45-year-old son, his mother calling', async () => {
    await logIn(page, accounts.counsellor)
    await page.goto('/cases/new')
    await page.getByRole('radio', { name: '家族・親族' }).first().check()
    await page.locator('#name').fill(personName)
    await page.locator('#age').fill('45')
    await page.getByLabel('居住区').selectOption({ label: '北区' })
    await page.getByRole('radio', { name: '電話', exact: true }).first().check()
    await page.getByRole('button', { name: '受付を登録する' }).click()
    const saved = page.getByRole('region', { name: /受付を登録しました/ })
    await expect(saved).toBeFocused()
    await saved.getByRole('link', { name: 'ケースを開く' }).click()
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/)
    caseNo =
      /ケース (\S+)（/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[1] ?? ''
    expect(caseNo).not.toBe('')
  })

  await test.step('add the mother with her number and the caution 「市役所名を名乗らない」', async () => {
    const panel = page.getByRole('region', { name: '相談者・世帯' })
    await panel.getByRole('button', { name: '相談者・世帯員を追加' }).click()
    const form = page.getByRole('region', { name: '相談者・世帯員を追加' })
    await expect(form.getByLabel('続柄')).toBeFocused()
    await form.getByLabel('続柄').selectOption({ label: '母' })
    await form.getByLabel('氏名').fill(motherName)
    await form.getByLabel('年齢').fill('72')
    await form.locator('#person-new-livesWith').check()
    await form.getByLabel('種別（1件目）').selectOption({ label: '自宅' })
    await form.getByLabel('番号（1件目）').fill('075-12')
    await form.locator('#person-new-mayNameCity-no').check()
    await expectAccessible(page)
    await form.getByRole('button', { name: '追加する' }).click()
    // A number too short is refused by the same rule as the server's, linked from the summary.
    await page.getByRole('link', { name: /電話番号（1件目）/ }).click()
    await expect(form.getByLabel('番号（1件目）')).toBeFocused()
    await form.getByLabel('番号（1件目）').fill('０７５（１２３）４５６７')
    await form.getByRole('button', { name: '追加する' }).click()

    const flash = page.getByText(`「${mother}」を追加しました。`)
    await expect(flash).toBeFocused()
    const entry = panel.getByRole('article', { name: new RegExp(motherName) })
    await expect(entry.getByText('市役所名を名乗らない')).toBeVisible()
    await expect(entry.getByRole('link', { name: '０７５（１２３）４５６７' })).toHaveAttribute(
      'href',
      'tel:0751234567',
    )
    // The caution comes before the number in the reading order.
    const text = (await entry.textContent()) ?? ''
    expect(text.indexOf('市役所名を名乗らない')).toBeLessThan(text.indexOf('０７５（１２３）４５６７'))
    await expect(page.getByText('8050世帯', { exact: true })).toBeVisible()
    // The case's history says who was added, by its own labels and codes.
    const added = page
      .getByRole('region', { name: '変更履歴' })
      .getByRole('listitem')
      .filter({ hasText: /^相談者・世帯員の追加/ })
    await expect(added.getByRole('listitem')).toHaveText([
      '続柄：（なし） → 母',
      `氏名：（なし） → ${motherName}`,
    ])
    await expectAccessible(page)
  })

  await test.step('record the call back with 相手 = the mother; 対象 follows', async () => {
    await page.getByRole('button', { name: '対応を記録', exact: true }).click()
    const form = page.getByRole('region', { name: '対応を記録' })
    await form.getByRole('radio', { name: '電話', exact: true }).check()
    await form.getByRole('radio', { name: mother, exact: true }).check()
    await expect(form.getByText('対象：家族・親族（相手から自動で決まります）')).toBeVisible()
    await form.getByLabel('内容').fill('母へ折り返し。市役所名は名乗らずに話した。')
    await expectAccessible(page)
    await form.getByRole('button', { name: '対応を記録する' }).click()
    await expect(page.getByRole('heading', { name: new RegExp(`家族・親族：${motherName}`) })).toBeVisible()
  })

  await test.step('the mother cannot be deleted while a contact names her', async () => {
    const entry = page
      .getByRole('region', { name: '相談者・世帯' })
      .getByRole('article', { name: new RegExp(motherName) })
    await entry.getByRole('button', { name: new RegExp(`^削除.*${motherName}`) }).click()
    await entry.getByRole('button', { name: '削除する' }).click()
    await expect(entry.getByRole('alert')).toContainText('対応記録の相手になっているため削除できません')
    await entry.getByRole('button', { name: '戻って修正する' }).click()
  })

  await test.step('the case list finds the case with 8050世帯のみ', async () => {
    await page.goto('/cases')
    await page.getByLabel('8050世帯のみ').check()
    await page.getByRole('button', { name: 'この条件で表示' }).click()
    await expect(page).toHaveURL(/flag8050/)
    await expect(page.getByRole('link', { name: caseNo, exact: true })).toBeVisible()
    await expectAccessible(page)
  })
})
