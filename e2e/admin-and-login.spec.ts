import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { setupUrl } from './fixtures/accounts.ts'
import { expectAccessible, logIn, logOut } from './fixtures/helpers.ts'
import { enrolOnPage } from './fixtures/two-factor.ts'

const admin = {
  loginId: 'e2e-admin',
  name: '管理 花子',
  password: `${randomBytes(12).toString('base64url')} 管理者のパスフレーズ`,
}
const newLogin = `e2e-staff-${randomBytes(3).toString('hex')}`

test('the first administrator is set up from the printed link, logs in, creates an account and sees the audit log', async ({
  page,
}) => {
  await test.step('first-administrator link', async () => {
    await page.goto(setupUrl())
    await expect(page.getByRole('heading', { level: 1, name: '最初の管理者の登録' })).toBeVisible()
    await expectAccessible(page)
    await page.locator('#loginId').fill(admin.loginId)
    await page.locator('#name').fill(admin.name)
    // A common password: the page says so while typing, and the server refuses it.
    await page.locator('#password').fill('password1234')
    await expect(page.getByText('このままでは使えません')).toBeVisible()
    await page.locator('#passwordConfirm').fill('password1234')
    await page.getByRole('button', { name: '管理者を登録する' }).click()
    await expect(page.getByText(/推測されやすいため使えません/).first()).toBeVisible()
    await expectAccessible(page)
    await page.locator('#password').fill(admin.password)
    await expect(page.getByText('（使えます）')).toBeVisible()
    await page.locator('#passwordConfirm').fill(admin.password)
    await page.getByRole('button', { name: '管理者を登録する' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '設定が完了しました' })).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('the link works only once', async () => {
    // A fresh load: going to the same URL with a fragment would only be an in-page jump.
    await page.goto('about:blank')
    await page.goto(setupUrl())
    await expect(page.getByRole('heading', { level: 1, name: 'リンクが無効です' })).toBeVisible()
  })

  let recoveryCodes: string[] = []
  await test.step('administrators must use 2FA: the login leads to the enrolment, and nothing else', async () => {
    await logIn(page, admin)
    await expect(page).toHaveURL(/\/two-factor\/setup/)
    await expect(page.getByRole('heading', { level: 1, name: '2段階認証の設定' })).toBeVisible()
    await expectAccessible(page)
    expect((await page.request.get('/api/accounts')).status()).toBe(401)
    ;({ recoveryCodes } = await enrolOnPage(page))
    await expect(page).not.toHaveURL(/two-factor/)
  })

  await test.step('log in and list accounts', async () => {
    await page.goto('/admin/accounts')
    await expect(page.getByRole('heading', { level: 1, name: 'アカウント管理' })).toBeVisible()
    await expect(page.getByText(admin.loginId)).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('create an account: a one-time link is shown, never a password', async () => {
    await page.goto('/admin/accounts/new')
    await expect(page.getByRole('heading', { level: 1, name: 'アカウントを作成' })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('ログインID').fill(newLogin)
    await page.getByLabel('氏名').fill('新人 職員')
    await page.getByLabel('役割').selectOption({ label: '相談窓口 相談員' })
    await page.getByLabel('所属').selectOption({ label: '「よりそい・つなぐ」相談窓口' })
    await page.getByRole('button', { name: '作成する' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'アカウントを作成しました' })).toBeVisible()
    await expect(page.getByText(/\/setup#token=/)).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('the audit log shows the creation', async () => {
    await page.goto('/admin/audit')
    await expect(page.getByRole('heading', { level: 1, name: '監査ログ' })).toBeVisible()
    // Actions read in Japanese; the code is in the folded details.
    await expect(page.getByRole('cell', { name: /^アカウントの作成/ }).first()).toBeVisible()
    await page.getByRole('combobox', { name: '操作' }).selectOption({ label: 'アカウントの作成' })
    await page.getByRole('button', { name: 'この条件で表示' }).click()
    await expect(page).toHaveURL(/action=account\.create/)
    const line = page.getByRole('row').nth(1)
    await line.getByText(/^内訳/).click()
    await expect(line.getByText('account.create')).toBeVisible()
    await expectAccessible(page)
    const csv = page.getByRole('link', { name: 'この条件の記録をCSVで書き出す' })
    const href = (await csv.getAttribute('href')) ?? ''
    expect(href).toContain('action=account.create')
    const res = await page.request.get(href)
    expect(res.status()).toBe(200)
    const body = await res.body()
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(body.toString('utf8')).toContain('"アカウントの作成","account.create"')
  })

  await test.step('the settings say which roles must use 2FA', async () => {
    await page.goto('/admin/settings')
    const group = page.getByRole('group', { name: /2段階認証を必須とする役割/ })
    await expect(group.getByRole('checkbox', { name: 'システム管理者' })).toBeChecked()
    await expect(group.getByRole('checkbox', { name: '本市担当課' })).not.toBeChecked()
    await expectAccessible(page)
  })

  await test.step('the web consultation settings: a bad value is named, a good one saved', async () => {
    const section = page.getByRole('region', { name: 'ウェブ相談' })
    const hours = section.getByRole('textbox', { name: /^期限超過とするまでの時間/ })
    await expect(hours).toHaveValue('48')
    await hours.fill('２４')
    await section.getByRole('textbox', { name: /^緊急とする語句/ }).fill('死にたい\n\n消えたい\u200B\n')
    await section.getByRole('button', { name: 'ウェブ相談の設定を保存する' }).click()
    await expect(
      section.getByRole('link', {
        name: '期限超過とするまでの時間：期限超過とするまでの時間は半角数字で入力してください',
      }),
    ).toBeVisible()
    await expect(
      section.getByRole('link', { name: /^緊急とする語句：2つ目の語句：見えない文字/ }),
    ).toBeVisible()
    await expectAccessible(page)
    await hours.fill('24')
    await section.getByRole('textbox', { name: /^緊急とする語句/ }).fill('死にたい\n消えたい')
    await section.getByRole('button', { name: 'ウェブ相談の設定を保存する' }).click()
    await expect(section.getByRole('status')).toHaveText('ウェブ相談の設定を保存しました。')
    await page.reload()
    await expect(
      page.getByRole('region', { name: 'ウェブ相談' }).getByRole('textbox', { name: /^期限超過/ }),
    ).toHaveValue('24')
  })

  await test.step('how long seminar registrations are kept: too few days are refused in Japanese, a good number saved', async () => {
    const days = page.getByRole('textbox', { name: /^研修会・家族教室の申込みを保存する日数/ })
    await expect(days).toHaveValue('365')
    await days.fill('7')
    await page.getByRole('button', { name: '保存する', exact: true }).click()
    await expect(
      page.getByRole('link', { name: '研修会・家族教室の申込みを保存する日数：30日以上で入力してください' }),
    ).toBeVisible()
    await expectAccessible(page)
    await days.fill('730')
    await page.getByRole('button', { name: '保存する', exact: true }).click()
    await expect(page.getByText('保存しました。', { exact: true })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('textbox', { name: /^研修会・家族教室の申込みを保存する日数/ })).toHaveValue(
      '730',
    )
  })

  await test.step('the next login asks for a code; a recovery code works once', async () => {
    await logOut(page)
    await page.goto('/login')
    await page.getByLabel('ログインID').fill(admin.loginId)
    await page.locator('#password').fill(admin.password)
    await page.getByRole('button', { name: 'ログイン' }).click()
    await expect(page.getByRole('heading', { name: '確認コードの入力（2段階認証）' })).toBeFocused()
    await expectAccessible(page)
    await page.locator('#code').fill('12345')
    await page.getByRole('button', { name: '確認してログイン' }).click()
    await expect(page.getByRole('link', { name: /確認コード：/ })).toBeVisible()
    await expectAccessible(page)
    await page.locator('#code').fill(recoveryCodes[0]!)
    await page.getByRole('button', { name: '確認してログイン' }).click()
    await expect(page).not.toHaveURL(/\/login/)
  })

  await test.step('the own 2FA page shows what is left', async () => {
    await page.goto('/account/two-factor')
    await expect(page.getByRole('heading', { level: 1, name: '2段階認証' })).toBeVisible()
    await expect(page.getByText('9個')).toBeVisible()
    await expectAccessible(page)
  })
})
