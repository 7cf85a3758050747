import { randomBytes } from 'node:crypto'
import { expect, type Page, test } from '@playwright/test'
import { E2E_AGENCY_NAME, loadAccounts } from './fixtures/accounts.ts'
import { expectAccessible, logIn, logOut, slashDate, tokyoIsoDate } from './fixtures/helpers.ts'
import { keepPdf, mm, norm, pdfPages } from './fixtures/pdf-pages.ts'

const accounts = loadAccounts()

// Names no other run or test uses. Far-off dates, so that no other flow's meeting is the ward's
// latest or shares a date with these.
const suffix = randomBytes(3).toString('hex')
const names = { moved: `移動 一郎${suffix}`, fresh: `新規 二郎${suffix}` }
const place = `左京区役所 第3会議室（${suffix}）`
const chair = '左京区保健福祉センター長'
const firstOn = tokyoIsoDate(400)
const secondOn = tokyoIsoDate(430)
const draftPolicy = `月2回の訪問から始める案（${suffix}）`

async function api(page: Page, method: 'POST' | 'PUT', url: string, data: unknown) {
  const session = await (await page.request.get('/api/auth/session')).json()
  const res = await page.request.fetch(url, {
    method,
    data,
    headers: { 'x-csrf-token': session.csrfToken },
  })
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300)
  return res.json()
}

/** A case opened at the sakyo centre and made ready for the meeting (会議付議可). */
async function readyCase(page: Page, name: string) {
  const opened = await api(page, 'POST', '/api/cases', {
    openedOn: tokyoIsoDate(-10),
    ward: 'sakyo',
    wardRoute: 'ward_section',
    age: 34,
    firstConsulter: 'family',
    route: 'web',
    concerns: ['work'],
    urgency: 'normal',
    name,
    gender: 'male',
  })
  await api(page, 'POST', `/api/cases/${opened.id}/assessment`, {
    version: opened.version,
    assessment: '区で家族と面談し、会議に付議する。',
    wardState: 'ready',
  })
  return opened as { id: string; caseNo: string }
}

/** The PDF's pages: A4, 取扱注意 and the title on top, 「n / N」 at the foot of each. */
async function printPapers(page: Page, file: string) {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  keepPdf(file, pdf)
  const pages = await pdfPages(pdf)
  expect(pages.length).toBeGreaterThanOrEqual(1)
  pages.forEach((p, i) => {
    const at = `page ${i + 1} of ${file}`
    expect(Math.round(p.height), at).toBe(Math.round(mm(297)))
    const top = p.lines
      .filter((l) => l.top < mm(18))
      .map((l) => norm(l.text))
      .join('')
    expect(top, at).toContain('取扱注意')
    expect(top, at).toContain(norm('支援調整会議 会議資料'))
    const foot = p.lines.filter((l) => l.top > p.height - mm(16)).map((l) => norm(l.text))
    expect(foot, at).toContain(`${i + 1}/${pages.length}`)
  })
  const text = pages.map((p) => p.lines.map((l) => norm(l.text)).join('\n')).join('\n')
  expect(text).toContain(norm('この資料は会議の終了時に回収します'))
  return text
}

test('issue 14: the coordinator prepares next month’s meeting, drafts proposals and prints the papers', async ({
  page,
}) => {
  let moved: { id: string; caseNo: string }
  let fresh: { id: string; caseNo: string }
  let first: { id: string; meetingNo: string }
  let meetingUrl = ''

  await test.step('sakyo coordinator: two ready cases, one on the agenda of a meeting already planned', async () => {
    await logIn(page, accounts.sakyo)
    moved = await readyCase(page, names.moved)
    fresh = await readyCase(page, names.fresh)
    first = await api(page, 'POST', '/api/meetings', {
      heldOn: firstOn,
      startTime: '13:30',
      place,
      chair,
      confirmSameDate: true,
    })
    await api(page, 'POST', `/api/meetings/${first.id}/agenda`, { caseId: moved.id, kind: 'new' })
  })

  await test.step('the schedule form starts from that meeting; its date again is asked about', async () => {
    await page.goto('/meetings')
    await page.getByRole('button', { name: '会議を予定する' }).click()
    const form = page.getByRole('region', { name: '会議を予定する' })
    await expect(form.getByLabel('開催日')).toBeFocused()
    await expect(form.getByLabel('場所')).toHaveValue(place)
    await expect(form.getByLabel('議長')).toHaveValue(chair)
    await expect(form.getByLabel('開始時刻')).toHaveValue('13:30')
    await expect(form.getByLabel('開催日')).not.toHaveValue('')
    await expect(form).toContainText('前回の会議')
    await expectAccessible(page)

    await form.getByLabel('開催日').fill(slashDate(firstOn))
    await form.getByRole('button', { name: '会議を予定する' }).click()
    const warning = form.getByRole('alert').filter({ hasText: '同じ日に会議があります' })
    await expect(warning).toContainText(first.meetingNo)
    await expect(form.getByRole('button', { name: '同じ日にもう一つ予定する' })).toBeFocused()
    await expectAccessible(page)
    await form.getByRole('button', { name: '開催日を変える' }).click()
    await expect(form.getByLabel('開催日')).toBeFocused()
    await form.getByLabel('開催日').fill(slashDate(secondOn))
    await form.getByRole('button', { name: '会議を予定する' }).click()
    await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/)
    meetingUrl = new URL(page.url()).pathname
    await expect(page.getByRole('status').filter({ hasText: '会議を予定しました。' })).toBeVisible()
  })

  await test.step('moving the new meeting onto the first one’s date is asked about as well', async () => {
    const overview = page.getByRole('region', { name: '概要', exact: true })
    await overview.getByRole('button', { name: '概要を変更する' }).click()
    await overview.getByLabel('開催日').fill(slashDate(firstOn))
    await overview.getByRole('button', { name: '変更を保存する' }).click()
    const warning = overview.getByRole('alert').filter({ hasText: '同じ日に会議があります' })
    await expect(warning).toContainText(first.meetingNo)
    await expect(overview.getByRole('button', { name: '同じ日に移す' })).toBeFocused()
    await expectAccessible(page)
    await overview.getByRole('button', { name: '開催日を変える' }).click()
    await expect(overview.getByLabel('開催日')).toBeFocused()
    await overview.getByRole('button', { name: 'やめる' }).click()
    await expect(overview.getByRole('button', { name: '概要を変更する' })).toBeFocused()
    // Nothing was saved: the meeting keeps its date.
    expect((await (await page.request.get(`/api${meetingUrl}`)).json()).heldOn).toBe(secondOn)
  })

  await test.step('candidates: the planned case is offered to be moved, with a confirmation', async () => {
    const candidates = page.getByRole('region', { name: '議題の候補' })
    const newCases = candidates.getByRole('table', { name: /^新規（会議付議可・主担当未定）/ })
    const elsewhere = candidates.getByRole('table', { name: /^他の会議（開催前）の議題にあるケース/ })
    await expect(newCases.getByRole('rowheader', { name: fresh.caseNo })).toBeVisible()
    await expect(newCases.getByRole('rowheader', { name: moved.caseNo })).toHaveCount(0)
    await expect(elsewhere.getByRole('row').filter({ hasText: moved.caseNo })).toContainText(first.meetingNo)
    await expectAccessible(page)

    await newCases.getByRole('button', { name: new RegExp(`^議題に追加\\s*（${fresh.caseNo}）$`) }).click()
    await expect(candidates.getByRole('status')).toContainText(`${fresh.caseNo}を議題に追加しました`)
    await elsewhere
      .getByRole('button', { name: new RegExp(`^この会議へ移す\\s*（${moved.caseNo}）$`) })
      .click()
    const confirm = candidates.getByRole('alert').filter({ hasText: '他の会議の議題から移します' })
    await expect(confirm).toContainText(`${first.meetingNo}）の議題です`)
    await expect(confirm.getByRole('button', { name: 'この会議へ移す' })).toBeFocused()
    await expectAccessible(page)
    await confirm.getByRole('button', { name: 'この会議へ移す' }).click()
    await expect(candidates.getByRole('status')).toContainText(`${moved.caseNo}を`)
    await expect(page.getByRole('table', { name: '議題（2件）' })).toBeVisible()
    await expect(elsewhere.getByRole('rowheader', { name: moved.caseNo })).toHaveCount(0)
    await expectAccessible(page)
  })

  await test.step('a 方針案 before the meeting day: saved on the server, kept across a reload', async () => {
    const run = page.getByRole('region', { name: '会議の進行' })
    await expect(run.getByText('会議の前は、方針案として保存できます')).toBeVisible()
    await run
      .getByRole('navigation', { name: '議題の目次' })
      .getByRole('link', { name: new RegExp(`^1\\. ${fresh.caseNo}`) })
      .click()
    const item = run.getByRole('region', { name: new RegExp(`^1\\. ${fresh.caseNo}`) })
    await item.getByLabel('支援方針').fill(draftPolicy)
    await item.getByRole('radio', { name: 'よりそい支援員', exact: true }).check()
    await item.getByLabel('主担当のよりそい支援員').selectOption({ label: accounts.yorisoi.name })
    await expect(item.getByRole('button', { name: `${fresh.caseNo}の決定を保存する` })).toHaveCount(0)
    await expect(item.getByRole('button', { name: new RegExp(`^1\\. ${fresh.caseNo}`) })).toContainText(
      '未保存の変更あり',
    )
    await expectAccessible(page)

    // Leaving with unsaved input asks first; staying keeps it.
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('保存していない')
      void dialog.dismiss()
    })
    await page.getByRole('link', { name: '支援調整会議の一覧', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`${meetingUrl}`))
    await expect(item.getByLabel('支援方針')).toHaveValue(draftPolicy)

    await item.getByRole('button', { name: `${fresh.caseNo}の方針案を保存する` }).click()
    await expect(item.getByRole('status')).toContainText(`${fresh.caseNo}の方針案を保存しました`)
    await expect(item.getByRole('button', { name: new RegExp(`^1\\. ${fresh.caseNo}`) })).toContainText(
      '方針案あり',
    )
    await expectAccessible(page)

    await page.reload()
    const again = page
      .getByRole('region', { name: '会議の進行' })
      .getByRole('region', { name: new RegExp(`^1\\. ${fresh.caseNo}`) })
    await page
      .getByRole('navigation', { name: '議題の目次' })
      .getByRole('link', { name: new RegExp(`^1\\. ${fresh.caseNo}`) })
      .click()
    await expect(again.getByLabel('支援方針')).toHaveValue(draftPolicy)
    await expect(again.getByLabel('主担当のよりそい支援員')).toHaveValue(/.+/)
    // Only the meeting's decision counts: the case still has no lead.
    const theCase = await (await page.request.get(`/api/cases/${fresh.id}`)).json()
    expect(theCase.lead).toBeNull()
    await expectAccessible(page)
  })

  await test.step('会議資料: the ward’s copy prints with names, 取扱注意 and numbered pages', async () => {
    const meetingId = meetingUrl.split('/').at(-1)!
    const invitable = await (await page.request.get(`/api/meetings/${meetingId}/invitable`)).json()
    const agency = invitable.agencies.find((a: { name: string }) => a.name === E2E_AGENCY_NAME)
    await api(page, 'PUT', `/api/meetings/${meetingId}/attendees`, {
      attendees: [{ unitId: agency.unitId, attended: false }],
    })
    await page.reload()
    await page.getByRole('link', { name: '会議資料（次第）として印刷' }).click()
    await expect(page.getByRole('heading', { level: 1, name: /^会議資料（次第）/ })).toBeVisible()
    await expect(
      page.getByRole('heading', { name: new RegExp(`検討ケース2\\s*${moved.caseNo}`) }),
    ).toBeVisible()
    await expect(page.locator('main')).toContainText(names.fresh)
    await expect(page.locator('main')).toContainText(draftPolicy)
    await expectAccessible(page)
    const text = await printPapers(page, 'meeting-papers-ward.pdf')
    expect(text).toContain(norm(names.moved))
    expect(text).toContain(norm(draftPolicy))

    await page.getByLabel('配布先').selectOption({ label: `${E2E_AGENCY_NAME}（関係機関用）` })
    await expect(page.getByText('守秘義務の確認がまだ記録されていないため')).toBeVisible()
    await expect(page.locator('main')).not.toContainText(names.fresh)
    await expectAccessible(page)
    const before = await printPapers(page, 'meeting-papers-agency-before.pdf')
    expect(before).not.toContain(norm(names.fresh))
    expect(before).not.toContain(norm(names.moved))
  })

  await test.step('after the agency’s acknowledgement its copy has the cases, still without names', async () => {
    await logOut(page)
    await logIn(page, accounts.agency)
    await api(page, 'POST', `${meetingUrl.replace('/meetings/', '/api/meetings/')}/acknowledgement`, {
      confirm: true,
    })
    await logOut(page)
    await logIn(page, accounts.sakyo)
    await page.goto(`${meetingUrl}/papers`)
    await page.getByLabel('配布先').selectOption({ label: `${E2E_AGENCY_NAME}（関係機関用）` })
    await expect(
      page.getByRole('heading', { name: new RegExp(`検討ケース1\\s*${fresh.caseNo}`) }),
    ).toBeVisible()
    await expect(page.locator('main')).not.toContainText(names.fresh)
    await expect(page.locator('main')).not.toContainText(names.moved)
    await expect(page.locator('main')).not.toContainText(draftPolicy)
    await expectAccessible(page)
    const text = await printPapers(page, 'meeting-papers-agency.pdf')
    expect(text).toContain(norm(fresh.caseNo))
    expect(text).not.toContain(norm(names.fresh))
    expect(text).not.toContain(norm(names.moved))
    expect(text).not.toContain(norm(draftPolicy))
  })
})
