import { randomBytes } from 'node:crypto'
import { expect, type Page, test } from '@playwright/test'
import { loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn, logOut } from './fixtures/helpers.ts'
import { enrolOnPage } from './fixtures/two-factor.ts'

// Issue 10's story: a second city, created from the command line with an empty organisation,
// is set up by its own administrator in the browser (keyboard only where it is set up), opens a
// case, and sees nothing of the first city.

const CITY = 'e2e-second'
const admin = {
  loginId: 'second-admin',
  name: '第二 管理者',
  password: `${randomBytes(12).toString('base64url')} 第二市の鍵`,
}
const counsellor = { loginId: 'second-window', password: `${randomBytes(12).toString('base64url')} 窓口の鍵` }
const WARDS = [
  { code: 'higashi', name: '東区', section: '東区 福祉支援課' },
  { code: 'nishi', name: '西区', section: '西区 健康づくり課' },
  { code: 'oka-shisho', name: '丘支所', section: '丘支所 くらし相談室' },
]
const personName = `第二 太郎${randomBytes(3).toString('hex')}`

function secondToken(): string {
  const token = process.env.E2E_SECOND_CITY_TOKEN
  if (!token) throw new Error('E2E_SECOND_CITY_TOKEN is not set: run with npm run test:e2e')
  return token
}

/** Types into a field by keyboard: focus it, then type, as a keyboard user would. */
async function typeInto(page: Page, label: string | RegExp, text: string) {
  const field = page.getByLabel(label)
  await field.focus()
  await page.keyboard.type(text)
}

test('a second city made by the CLI is set up by its administrator and sees nothing of the first', async ({
  page,
}) => {
  const first = loadAccounts()

  await test.step('the setup link asks where the organisation starts: empty', async () => {
    await page.goto(`/setup#token=${secondToken()}`)
    await expect(page.getByRole('heading', { level: 1, name: '最初の管理者の登録' })).toBeVisible()
    await page.getByRole('radio', { name: /空の組織から始める/ }).check()
    await page.locator('#loginId').fill(admin.loginId)
    await page.locator('#name').fill(admin.name)
    await page.locator('#password').fill(admin.password)
    await page.locator('#passwordConfirm').fill(admin.password)
    await expectAccessible(page)
    await page.getByRole('button', { name: '管理者を登録する' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '設定が完了しました' })).toBeVisible()
  })

  await test.step('the administrator signs in to the second city (2FA enrolment first)', async () => {
    await page.goto(`/login?city=${CITY}`)
    await expect(page.getByText(`ログイン先の市：${CITY}`)).toBeVisible()
    await page.getByLabel('ログインID').fill(admin.loginId)
    await page.locator('#password').fill(admin.password)
    await page.getByRole('button', { name: 'ログイン' }).click()
    await expect(page).toHaveURL(/\/two-factor\/setup/)
    await enrolOnPage(page)
  })

  await test.step('組織設定 starts empty; three wards with their own section names, by keyboard', async () => {
    await page.goto('/admin/org')
    await expect(page.getByRole('heading', { level: 1, name: '組織設定' })).toBeVisible()
    await expect(page.getByText('区・支所はまだありません。')).toBeVisible()
    await expectAccessible(page)
    for (const w of WARDS) {
      await typeInto(page, /^区コード/, w.code)
      await typeInto(page, /^区・支所の名称/, w.name)
      await page.keyboard.press('Enter')
      await expect(page.getByRole('heading', { level: 3, name: w.name })).toBeVisible()
      const list = page.getByRole('region', { name: w.name })
      const field = list.getByLabel(/^課・室の名称/)
      await field.focus()
      await page.keyboard.type(w.section)
      await page.keyboard.press('Enter')
      await expect(list.getByText(w.section, { exact: true })).toBeVisible()
    }
    const windows = page.getByRole('region', { name: '相談窓口', exact: true })
    await windows.getByLabel(/^相談窓口の名称/).fill('第二市 ひきこもり相談窓口')
    await windows.getByRole('button', { name: '相談窓口を追加する' }).click()
    await expect(windows.getByText('第二市 ひきこもり相談窓口', { exact: true })).toBeVisible()
    await expect(page.getByRole('link', { name: '組織をExcelで書き出す' })).toBeVisible()
    // One ward's sections at a time, chosen by its name; the contents jump to each section.
    await expect(page.getByLabel(/^課・室の名称/)).toHaveCount(1)
    await page.getByRole('combobox', { name: /^区・支所/ }).selectOption({ label: '東区' })
    await expect(
      page.getByRole('region', { name: '東区の課・室' }).getByText('東区 福祉支援課'),
    ).toBeVisible()
    const sections = page.getByRole('region', { name: '保健福祉センターの課・室' })
    await expect(sections.getByText('丘支所 くらし相談室')).toHaveCount(0)
    await page.getByRole('combobox', { name: /^区・支所/ }).selectOption({ label: '丘支所' })
    const contents = page.getByRole('navigation', { name: '組織設定の項目' })
    await contents.getByRole('link', { name: '変更の履歴' }).click()
    await expect(page).toHaveURL(/#history-heading$/)
    await expect(page.getByRole('heading', { level: 2, name: '変更の履歴' })).toBeInViewport()
    await expectAccessible(page)
  })

  await test.step('a rename keeps history; deleting asks first', async () => {
    const west = page.getByRole('region', { name: '区・支所' }).getByRole('row').filter({ hasText: '西区' })
    await west.getByRole('button', { name: '西区を変更' }).click()
    const name = page.locator('#ward-nishi-name')
    await name.fill('西部区')
    await name.press('Enter')
    await expect(page.getByRole('cell', { name: '西区', exact: true }).first()).toBeVisible()
    await expect(page.getByRole('cell', { name: '西部区', exact: true }).first()).toBeVisible()
    await page.getByRole('button', { name: '丘支所 くらし相談室を削除' }).click()
    await expect(page.getByRole('heading', { name: /「丘支所 くらし相談室」を削除しますか/ })).toBeFocused()
    await expectAccessible(page)
    await page.getByRole('button', { name: '戻って修正する' }).click()
    await expect(page.getByRole('button', { name: '丘支所 くらし相談室を削除' })).toBeVisible()
  })

  await test.step('an account for the window, and its password through the one-time link', async () => {
    await page.goto('/admin/accounts/new')
    await page.getByLabel('ログインID').fill(counsellor.loginId)
    await page.getByLabel('氏名').fill('第二 相談員')
    await page.getByLabel('役割').selectOption({ label: '相談窓口 相談員' })
    await page.getByLabel('所属').selectOption({ label: '第二市 ひきこもり相談窓口' })
    await page.getByRole('button', { name: '作成する' }).click()
    const link = (await page.getByText(/\/setup#token=/).textContent()) ?? ''
    const path = /\/setup#token=\S+/.exec(link)![0]
    await logOut(page)
    await page.goto('about:blank')
    await page.goto(path)
    await page.locator('#password').fill(counsellor.password)
    await page.locator('#passwordConfirm').fill(counsellor.password)
    await page.getByRole('button', { name: 'パスワードを設定する' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '設定が完了しました' })).toBeVisible()
    // The link's token names the city: the login page it leads to signs in there.
    await page.getByRole('link', { name: 'ログイン画面へ' }).click()
    await expect(page).toHaveURL(new RegExp(`/login\\?city=${CITY}$`))
  })

  await test.step('the counsellor opens a case in one of the city’s own wards', async () => {
    await expect(page.getByText(`ログイン先の市：${CITY}`)).toBeVisible()
    await page.getByLabel('ログインID').fill(counsellor.loginId)
    await page.locator('#password').fill(counsellor.password)
    await page.getByRole('button', { name: 'ログイン' }).click()
    await expect(page).not.toHaveURL(/\/login/)
    await page.goto('/cases/new')
    await expect(page.getByLabel('居住区').locator('option', { hasText: '西部区' })).toHaveCount(1)
    const wardOptions = await page.getByLabel('居住区').locator('option').allTextContents()
    // The city's own wards (and 不明), none of the first city's 14.
    expect(wardOptions.filter((o) => o.trim() && !o.includes('選択') && o !== '不明')).toEqual([
      '東区',
      '西部区',
      '丘支所',
    ])
    await page.getByRole('radio', { name: '家族・親族' }).check()
    await page.getByLabel(/^氏名/).fill(personName)
    await page.getByLabel('居住区').selectOption({ label: '西部区' })
    await page.getByRole('radio', { name: '電話', exact: true }).check()
    await page.getByLabel('相談の内容').fill('兄から電話。')
    await page.getByRole('button', { name: '受付を登録する' }).click()
    await expect(page.getByRole('region', { name: /受付を登録しました/ })).toBeVisible()
    await expectAccessible(page)
  })

  await test.step('nothing of the first city: its cases, staff and accounts stay out of sight', async () => {
    const cases = await (await page.request.get('/api/cases?pageSize=200')).json()
    expect(cases.items.map((c: { personName?: string }) => c.personName ?? '')).toHaveLength(1)
    const units = (await (await page.request.get('/api/units')).json()) as { name: string }[]
    expect(units.map((u) => u.name)).not.toContain('「よりそい・つなぐ」相談窓口')
    const staff = (await (await page.request.get('/api/staff')).json()) as { name: string }[]
    expect(staff.map((s) => s.name)).toEqual(['第二 相談員'])
    // Logging out comes back to this city's login page, not the deployment's first city's.
    await page.getByRole('button', { name: 'ログアウト' }).click()
    await expect(page).toHaveURL(new RegExp(`/login\\?city=${CITY}$`))
    await expect(page.getByText(`ログイン先の市：${CITY}`)).toBeVisible()
    await logIn(page, first.counsellor)
    const theirs = (await (await page.request.get('/api/cases?pageSize=200')).json()) as {
      items: { id: string }[]
    }
    expect(JSON.stringify(theirs)).not.toContain(personName)
  })
})
