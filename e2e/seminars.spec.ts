import { randomBytes } from 'node:crypto'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { E2E_CITY, loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn, slashDate, tokyoIsoDate } from './fixtures/helpers.ts'
import { mailsTo } from './fixtures/mail.ts'
import { axeOn, noScript } from './fixtures/no-script.ts'

// Issue 12's seminar story: headquarters schedules a 家族向け研修会 for tomorrow with room for
// two; three families register on phones without JavaScript, the third goes on the waitlist and
// moves up when the first cancels through their link; the reminder the day before reaches them
// through the run's real SMTP server (scripts/e2e.mjs), sent by the server's own mail worker as in
// a city with mail configured; staff record attendance and the report's 家族支援 shows it.
const accounts = loadAccounts()
const tag = randomBytes(4).toString('hex')
const TITLE = `家族向け研修会 ひきこもりの理解 ${tag}`
const BASE = `/soudan/${E2E_CITY.id}`
const FAMILIES = ['一番目', '二番目', '三番目'].map((n) => ({
  name: `${n}の母 ${tag}`,
  email: `family-${n === '一番目' ? 1 : n === '二番目' ? 2 : 3}-${tag}@example.test`,
}))

const MOVED_UP = '研修会・家族教室のキャンセル待ちから参加が決まりました'
const REMINDER = '明日は研修会・家族教室の日です'

/** A family registers from the public site's first page; returns the registration's own page. */
async function register(browser: Browser, family: (typeof FAMILIES)[number], checkPages: boolean) {
  const phone = await noScript(browser, 320)
  try {
    const page = await phone.newPage()
    await page.goto(`${BASE}/`)
    await page.getByRole('link', { name: '家族向けの研修会・家族教室' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '家族向けの研修会・家族教室' })).toBeVisible()
    if (checkPages) await axeOn(browser, phone, new URL(page.url()).pathname, 320)
    await page
      .locator('section', { has: page.getByRole('heading', { level: 2, name: TITLE }) })
      .getByRole('link', { name: '申し込む' })
      .click()
    await expect(page.getByRole('heading', { level: 1, name: `申込み：${TITLE}` })).toBeVisible()
    const form = new URL(page.url()).pathname
    if (checkPages) {
      // Sent without a name: the form comes back with the message, linked to its field.
      await page.getByRole('button', { name: '申し込む' }).click()
      await expect(page.getByRole('alert')).toContainText('お名前かニックネームを書いてください')
      await axeOn(browser, phone, form, 320, async (p) => {
        await p.getByRole('button', { name: '申し込む' }).click()
        await expect(p.getByRole('alert')).toBeVisible()
      })
    }
    await page.locator('#f-name').fill(family.name)
    await page.locator('#f-attendees').fill('1')
    await page.locator('#f-email').fill(family.email)
    await page.getByRole('button', { name: '申し込む' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'お申込みの状況' })).toBeVisible()
    const status = (await page.getByRole('status').textContent()) ?? ''
    return { link: new URL(page.url()).pathname, status }
  } finally {
    await phone.close()
  }
}

/** The registration's page as the family sees it through their link, on another phone. */
async function openLink(browser: Browser, link: string, act?: (page: Page) => Promise<void>) {
  const phone = await noScript(browser, 320)
  try {
    const page = await phone.newPage()
    await page.goto(link)
    if (act) await act(page)
    return (await page.getByRole('status').textContent()) ?? ''
  } finally {
    await phone.close()
  }
}

test('a seminar for two: the third family waits, moves up when one cancels, is reminded by mail, and attendance reaches the report', async ({
  page,
  browser,
}) => {
  const tomorrow = tokyoIsoDate(1)
  let seminarPath = ''
  await logIn(page, accounts.headquarters)

  await test.step('headquarters schedules the seminar; a capacity that is not a number is refused', async () => {
    await page.goto('/seminars')
    await expect(page.getByRole('heading', { level: 1, name: '家族向け研修会・家族教室' })).toBeVisible()
    await page.getByRole('button', { name: '研修会・家族教室を登録する' }).click()
    const form = page.getByRole('region', { name: '研修会・家族教室を登録する' })
    await form.getByRole('radio', { name: '家族向け研修会' }).check()
    await form.getByRole('textbox', { name: /^名称/ }).fill(TITLE)
    await form.getByRole('textbox', { name: /^開催日/ }).fill(slashDate(tomorrow))
    await form.getByRole('textbox', { name: /^開始時刻/ }).fill('14:00')
    await form.getByRole('textbox', { name: /^終了時刻/ }).fill('16:00')
    await form.getByRole('textbox', { name: /^会場/ }).fill('市役所 第1会議室')
    await form.getByRole('textbox', { name: /^定員/ }).fill('ふたり')
    await form.getByRole('button', { name: '登録する' }).click()
    await expect(form.getByText('定員を数字で入力してください').first()).toBeVisible()
    await expectAccessible(page)
    await form.getByRole('textbox', { name: /^定員/ }).fill('2')
    await form.getByRole('button', { name: '登録する' }).click()
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
    await expect(page.getByText('研修会・家族教室を登録しました。')).toBeVisible()
    seminarPath = new URL(page.url()).pathname
    await expectAccessible(page)
  })

  const links: string[] = []
  await test.step('three families register on phones without JavaScript; the third waits', async () => {
    for (const [i, family] of FAMILIES.entries()) {
      const { link, status } = await register(browser, family, i === 0)
      links.push(link)
      if (i < 2) expect(status).toBe('参加が決まっています。')
      else expect(status).toMatch(/^キャンセル待ちです（1番目）/)
    }
    const waiting = await noScript(browser, 320)
    await axeOn(browser, waiting, links[2]!, 320)
    await waiting.close()
  })

  await test.step('the first family cancels through their link; the third moves up and is told by mail', async () => {
    const cancelled = await openLink(browser, links[0]!, async (p) => {
      await p.getByRole('button', { name: '申込みを取り消す' }).click()
      await expect(p.getByRole('status')).toHaveText('この申込みは取り消されています。')
    })
    expect(cancelled).toBe('この申込みは取り消されています。')
    const cancelledPhone = await noScript(browser, 320)
    await axeOn(browser, cancelledPhone, links[0]!, 320)
    await cancelledPhone.close()
    expect(await openLink(browser, links[2]!)).toBe('参加が決まっています。')
    const third = FAMILIES[2]!.email
    await expect.poll(() => mailsTo(third).map((m) => m.subject), { timeout: 30_000 }).toContain(MOVED_UP)
  })

  await test.step('the reminder the day before reaches the confirmed families, without their name or the title', async () => {
    for (const family of [FAMILIES[1]!, FAMILIES[2]!]) {
      await expect
        .poll(() => mailsTo(family.email).filter((m) => m.subject === REMINDER).length, { timeout: 30_000 })
        .toBe(1)
      const mail = mailsTo(family.email).find((m) => m.subject === REMINDER)!
      expect(mail.text).toMatch(new RegExp(`https?://\\S+${BASE}/seminars`))
      expect(mail.text).not.toContain(family.name)
      expect(mail.text).not.toContain(TITLE)
    }
  })

  await test.step('staff see who moved up and was reminded, and record attendance', async () => {
    await page.goto(seminarPath)
    const registrations = page.getByRole('region', { name: '申込み' })
    const table = registrations.getByRole('table', { name: '申込み（受付順）' })
    const second = table.getByRole('row').filter({ hasText: FAMILIES[1]!.name })
    const third = table.getByRole('row').filter({ hasText: FAMILIES[2]!.name })
    await expect(second).toContainText('参加確定')
    await expect(third).toContainText('参加確定（繰り上げ）')
    await expect(third).toContainText('（前日のお知らせ送信済み）')
    await expect(table.getByRole('row').filter({ hasText: FAMILIES[0]!.name })).toHaveCount(0)
    await expectAccessible(page)
    for (const [family, label] of [
      [FAMILIES[1]!, '欠席'],
      [FAMILIES[2]!, '出席'],
    ] as const) {
      // The radio shows what the server stored: it turns on once the answer is back.
      const radio = registrations
        .getByRole('group', { name: `${family.name}さんの出欠` })
        .getByRole('radio', { name: label })
      await radio.click()
      await expect(page.getByText(`${family.name}さんを「${label}」にしました。`)).toBeVisible()
      await expect(radio).toBeChecked()
    }
    await expectAccessible(page)
  })

  await test.step('the report’s 家族支援 for the period shows the seminar and its attendance', async () => {
    await page.goto(`/report?from=${tokyoIsoDate()}&to=${tomorrow}`)
    const family = page.getByRole('region', { name: '家族支援' })
    const totals = family.getByRole('table', { name: '家族向け研修会・家族教室等の実績' })
    await expect(totals).toBeVisible({ timeout: 60_000 })
    for (const name of [
      '家族向け研修会 開催回数 1',
      '申込（確定）件数 2',
      '申込（確定）人数 2',
      'キャンセル待ち件数 0',
      '取消件数 1',
      '出席件数 1',
      '出席人数 1',
      '欠席件数 1',
      '出欠未記録件数 0',
    ])
      await expect(totals.getByRole('row', { name, exact: true })).toBeVisible()
    const held = family.getByRole('table', { name: '家族向け研修会・家族教室等の開催一覧' })
    const row = held.getByRole('row').filter({ hasText: TITLE })
    // 開催日, 種類, 主催, 定員, 申込人数, 出席人数 (the title heads the row).
    await expect(row.getByRole('cell')).toHaveText([/^令和\d+年/, '家族向け研修会', '本市', '2', '2', '1'])
    await expectAccessible(page)
  })
})
