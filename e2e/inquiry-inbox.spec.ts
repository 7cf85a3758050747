import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn } from './fixtures/helpers.ts'
import { E2E_INQUIRIES } from './fixtures/inquiries.ts'

const accounts = loadAccounts()
const templateTitle = `初回の返信${randomBytes(2).toString('hex')}`

test('a counsellor finds a web consultation on the home page, claims it, replies with a template and opens a case whose contacts count the messages as メール', async ({
  page,
}) => {
  await test.step('the home page counts it; the inbox lists it as 未対応', async () => {
    await logIn(page, accounts.counsellor)
    const summary = page.getByRole('region', { name: 'ウェブ相談' })
    await expect(summary.getByRole('link', { name: '未対応' })).toBeVisible()
    await expectAccessible(page)
    await summary.getByRole('link', { name: '未対応' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'ウェブ相談' })).toBeVisible()
    await expect(page.getByRole('link', { name: '未対応', exact: false }).first()).toHaveAttribute(
      'aria-current',
      'page',
    )
    await expect(page.getByRole('row', { name: new RegExp(E2E_INQUIRIES.reply.nickname) })).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('a reply template is added', async () => {
    await page.getByRole('link', { name: '定型文の管理' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '定型文の管理' })).toBeVisible()
    const form = page.getByRole('region', { name: '定型文を追加' })
    // Submitting it empty names both fields, in Japanese, in the summary and under them.
    await form.getByRole('button', { name: '登録する' }).click()
    await expect(form.getByRole('link', { name: '件名：件名を入力してください' })).toBeVisible()
    await expectAccessible(page)
    await form.getByLabel(/^件名/).fill(templateTitle)
    await form.getByLabel(/^本文/).fill('ご相談ありがとうございます。相談窓口の相談員です。')
    await form.getByRole('button', { name: '登録する' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: `定型文「${templateTitle}」を登録しました。` }),
    ).toBeFocused()
    await expectAccessible(page)
  })

  await test.step('the thread: claim, reply with the template after a confirmation', async () => {
    await page.goto('/inquiries?filter=new')
    await page
      .getByRole('row', { name: new RegExp(E2E_INQUIRIES.reply.nickname) })
      .getByRole('link')
      .first()
      .click()
    await expect(page.getByRole('heading', { level: 1, name: /^ウェブ相談 E2E/ })).toBeVisible()
    await expect(page.getByText(E2E_INQUIRIES.reply.body)).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: '担当する' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'この相談の担当になりました。' })).toBeFocused()

    await page.getByLabel(/^定型文/).selectOption({ label: templateTitle })
    await page.getByRole('button', { name: '本文に入れる' }).click()
    const body = page.getByRole('textbox', { name: /^返信/ })
    await expect(body).toHaveValue('ご相談ありがとうございます。相談窓口の相談員です。')
    await body.fill(`${await body.inputValue()}\n文章でのご相談で大丈夫です。`)
    await page.getByLabel(/^所要時間/).fill('３０')
    await page.getByRole('button', { name: '確認へ進む' }).click()
    await page.getByRole('button', { name: '返信を送る' }).click()
    // Full-width digits are refused with the field's own message, and nothing was sent.
    await expect(
      page.getByRole('link', { name: '所要時間：所要時間は半角数字で入力してください' }),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel(/^所要時間/).fill('30')
    await page.getByRole('button', { name: '確認へ進む' }).click()
    await expectAccessible(page)
    await page.getByRole('button', { name: '返信を送る' }).click()
    await expect(page.getByRole('status').filter({ hasText: '返信を送りました。' })).toBeFocused()
    // No notice address was left, so no mail is queued; the section says how notices stand.
    await expect(page.getByRole('region', { name: 'メール通知の状況' })).toBeVisible()
    await expectAccessible(page)
    await expect(page.getByRole('article', { name: /2通目：職員（窓口 相談員）の返信/ })).toContainText(
      '文章でのご相談で大丈夫です。',
    )
  })

  await test.step('open a case from the thread, with a confirmation; its contacts are メール', async () => {
    const link = page.getByRole('region', { name: 'ケースとの結び付け' })
    await link.getByRole('button', { name: '新しいケースとして受け付ける' }).click()
    await link.getByRole('radio', { name: '要早期対応' }).check()
    await link.getByRole('checkbox', { name: '家族関係' }).check()
    await expectAccessible(page)
    await link.getByRole('button', { name: '確認へ進む' }).click()
    await expect(
      link.getByRole('heading', { name: 'この相談から新しいケースを受け付けます。よろしいですか？' }),
    ).toBeFocused()
    await expectAccessible(page)
    await link.getByRole('button', { name: 'ケースを受け付ける' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: /を受け付け、これまでのメッセージを対応記録/ }),
    ).toBeFocused()
    await expect(page.getByText('ケースの対応記録（メール）に計上済み。').first()).toBeVisible()
    await link.getByRole('link').click()
    await expect(page.getByRole('heading', { level: 1, name: /^ケース / })).toBeVisible()
    await expect(page.getByRole('heading', { level: 3, name: /メール（家族・親族）/ })).toHaveCount(2)
  })

  await test.step('another thread is marked as spam after a confirmation and leaves the inbox', async () => {
    await page.goto('/inquiries')
    await page
      .getByRole('row', { name: new RegExp(E2E_INQUIRIES.spam.nickname) })
      .getByRole('link')
      .first()
      .click()
    await page.getByRole('button', { name: '迷惑として扱う' }).click()
    await expectAccessible(page)
    await page.getByRole('button', { name: '迷惑として扱う' }).click()
    await expect(page.getByRole('status').filter({ hasText: '迷惑として扱いました。' })).toBeFocused()
    await page.goto('/inquiries')
    await expect(page.getByRole('row', { name: new RegExp(E2E_INQUIRIES.spam.nickname) })).toHaveCount(0)
    await page.goto('/inquiries?filter=spam')
    await expect(page.getByRole('row', { name: new RegExp(E2E_INQUIRIES.spam.nickname) })).toBeVisible()
  })
})

test('headquarters sees the web consultation counts on its home page, and no thread', async ({ page }) => {
  await logIn(page, accounts.headquarters)
  const summary = page.getByRole('region', { name: 'ウェブ相談' })
  await expect(summary.getByText('未対応')).toBeVisible()
  await expect(summary.getByRole('link')).toHaveCount(0)
  await expectAccessible(page)
  await page.goto('/inquiries')
  await expect(page.getByRole('heading', { level: 1, name: 'このページは表示できません' })).toBeVisible()
})
