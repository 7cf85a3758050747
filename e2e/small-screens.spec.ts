import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { DEMO_CITY_ID, loadDemoAccounts } from './fixtures/accounts.ts'
import { expectAccessible } from './fixtures/helpers.ts'
import { appRoutePaths, expectFits, linkTargets, routeMatcher, settle } from './fixtures/small-screen.ts'

// Issue 14: every page of the staff app, and the residents' pages, on a 320 px screen (WCAG 1.4.10:
// no sideways scrolling), with axe. The pages are opened in the demo city (prepare.ts seeds it:
// 300 cases, a ward's meetings, resources, every role) by each role in turn: from its home page the
// crawl follows the menu and then every link to a page of a kind this role has not seen yet, so a
// new page is visited as soon as a menu entry or a link leads to it. The last test fails if a
// route of the router was opened by nobody.
const accounts = loadDemoAccounts()
const routes = appRoutePaths()
const matcher = routeMatcher(routes)
// Kept in a file beside the run's accounts: after a failed test Playwright starts a new worker,
// which would forget what the tests before it opened.
const visitedFile = join(dirname(process.env.E2E_ACCOUNTS_FILE ?? '.'), 'small-screens-visited.json')
function visited(): Record<string, string> {
  return existsSync(visitedFile)
    ? (JSON.parse(readFileSync(visitedFile, 'utf8')) as Record<string, string>)
    : {}
}
function markVisited(route: string, by: string) {
  const all = visited()
  all[route] ??= by
  writeFileSync(visitedFile, JSON.stringify(all, null, 2))
}
const publicLinks = new Set<string>()
/** Set by whoever wants the home pages' screenshots (issue 14's note), e.g. /work/shots. */
const shotsDir = process.env.E2E_SHOTS_DIR

test.use({ viewport: { width: 320, height: 640 } })

async function demoLogIn(page: Page, loginId: string) {
  const account = accounts.find((a) => a.loginId === loginId)
  if (!account) throw new Error(`no demo account ${loginId}`)
  await page.goto(`/login?city=${DEMO_CITY_ID}`)
  await page.getByLabel('ログインID').fill(account.loginId)
  await page.locator('#password').fill(account.password)
  await page.getByRole('button', { name: 'ログイン' }).click()
  await expect(page).not.toHaveURL(/\/login/)
  await settle(page)
}

async function visit(page: Page, target: string, who: string) {
  await page.goto(target)
  await settle(page)
  await expect(page.getByRole('heading', { level: 1, name: 'エラーが発生しました' })).toHaveCount(0)
  await expectFits(page)
  const route = matcher.routeOf(new URL(page.url()).pathname)
  if (route) markVisited(route, `${who}: ${target}`)
}

/**
 * Opens the role's home page, then every page its links lead to whose route this role has not
 * opened yet (one page per route), breadth first. Links to the residents' pages are kept for the
 * public test.
 */
async function crawl(page: Page, who: string) {
  await demoLogIn(page, who)
  // The login and first-administrator pages are opened signed out (the last but one test).
  const seen = new Set<string>(['/', '/login', '/setup'])
  const queue = ['/']
  while (queue.length > 0) {
    const target = queue.shift()!
    await test.step(`${who} ${target}`, async () => {
      await visit(page, target, who)
    })
    for (const link of await linkTargets(page)) {
      const pathname = link.split('?')[0]!
      if (pathname.startsWith('/soudan/')) publicLinks.add(pathname)
      const route = matcher.routeOf(pathname)
      if (!route || seen.has(route)) continue
      seen.add(route)
      queue.push(pathname)
    }
  }
}

async function homeShots(page: Page, name: string) {
  if (!shotsDir) return
  mkdirSync(shotsDir, { recursive: true })
  await page.goto('/')
  await settle(page)
  await page.screenshot({ path: join(shotsDir, `home-${name}-320.png`), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
  await settle(page)
  await page.screenshot({ path: join(shotsDir, `home-${name}-1280.png`), fullPage: true })
  await page.setViewportSize({ width: 320, height: 640 })
}

test('the menu is a button on a small screen: opens, closes with Escape, keyboard only; the skip link works', async ({
  page,
}) => {
  await demoLogIn(page, 'demo-window1')
  const menuButton = page.getByRole('button', { name: 'メニュー' })
  const nav = page.getByRole('navigation', { name: 'メインメニュー' })
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false')
  await expect(nav).toBeHidden()
  // The page's heading is on the first screen, not below the menu.
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox()
  expect(heading!.y + heading!.height).toBeLessThan(640)

  await test.step('the skip link is first and moves focus to the main content', async () => {
    // A fresh load: after the client-side move from the login, focus is on the heading.
    await page.goto('/')
    await settle(page)
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: '本文へスキップ' })).toBeFocused()
    await expectAccessible(page)
    await page.keyboard.press('Enter')
    await expect(page.locator('main')).toBeFocused()
  })

  await test.step('keyboard: Enter opens, Tab goes into the menu, Escape closes and returns focus', async () => {
    await page.goto('/')
    await settle(page)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect(menuButton).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true')
    await expect(nav).toBeVisible()
    await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible()
    await expectFits(page)
    await page.keyboard.press('Tab')
    await expect(page.getByRole('link', { name: '2段階認証' })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false')
    await expect(nav).toBeHidden()
    await expect(menuButton).toBeFocused()
  })

  await test.step('a menu entry opens its page and the menu closes', async () => {
    await menuButton.click()
    await nav.getByRole('link', { name: 'ケース一覧' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'ケース一覧' })).toBeVisible()
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false')
    await expect(nav).toBeHidden()
  })

  await test.step('from md up the menu shows without a button', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await expect(nav).toBeVisible()
    await expect(menuButton).toBeHidden()
  })
})

test('tables become labelled stacked rows on a small screen and stay tables on a wide one', async ({
  page,
}) => {
  await demoLogIn(page, 'demo-window1')
  await page.goto('/cases')
  await settle(page)
  const table = page.getByRole('table').first()
  const headers = await table
    .locator('thead th')
    .evaluateAll((ths) => ths.map((th) => ((th as HTMLElement).dataset.label ?? th.textContent ?? '').trim()))
  const firstRow = table.locator('tbody tr').first()
  const cells = await firstRow.locator('td, th').evaluateAll((tds) =>
    tds.map((td) => ({
      label: (td as HTMLElement).dataset.label,
      display: getComputedStyle(td).display,
      before: getComputedStyle(td, '::before').content,
    })),
  )
  expect(cells.map((c) => c.label)).toEqual(headers)
  for (const c of cells) {
    expect(c.display).not.toBe('table-cell')
    expect(c.before).toContain(c.label)
  }
  // Still a table to assistive technology: its column headers name each cell.
  await expect(table.getByRole('columnheader').first()).toBeAttached()
  await expect(table.getByRole('cell').first()).toBeVisible()

  // 200 % zoom of a 1280 px window is a 640 px wide page: still rows, names not squeezed.
  await page.setViewportSize({ width: 640, height: 800 })
  await page.goto('/')
  await settle(page)
  await expectFits(page)

  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/cases')
  await settle(page)
  expect(
    await page
      .locator('table.data-table tbody td')
      .first()
      .evaluate((td) => getComputedStyle(td).display),
  ).toBe('table-cell')
})

test('the window counsellor’s pages fit 320 px', async ({ page }) => {
  await crawl(page, 'demo-window1')
  await homeShots(page, 'window')
})

test('the ward coordinator’s pages fit 320 px', async ({ page }) => {
  await crawl(page, 'demo-kita')
  await homeShots(page, 'coordinator')
})

test('the ward section staff’s pages fit 320 px', async ({ page }) => {
  await crawl(page, 'demo-kita-staff')
})

test('the よりそい支援員’s pages fit 320 px', async ({ page }) => {
  await crawl(page, 'demo-yorisoi')
  await homeShots(page, 'yorisoi')
})

test('the agency member’s pages fit 320 px', async ({ page }) => {
  await crawl(page, 'demo-agency')
})

test('headquarters’ pages fit 320 px, with a published survey', async ({ page }) => {
  await demoLogIn(page, 'demo-hq')
  await page.goto('/surveys')
  await settle(page)
  await page.getByRole('button', { name: /相談窓口アンケート」をコピーして作成/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: /相談窓口アンケート/ })).toBeVisible()
  await page.getByRole('button', { name: '公開する' }).click()
  await expect(page.getByText('公開しました。')).toBeVisible()
  await crawl(page, 'demo-hq')
  await homeShots(page, 'headquarters')
})

test('the administrator’s pages fit 320 px', async ({ page }) => {
  await crawl(page, 'demo-admin')
})

test('signed out: the login and link pages, and the residents’ pages fit 320 px', async ({ page }) => {
  await visit(page, `/login?city=${DEMO_CITY_ID}`, 'signed out')
  await visit(page, '/setup', 'signed out')
  await visit(page, '/two-factor/setup', 'signed out')
  // The residents' site: its pages in every language, the forms and whatever a staff page linked.
  const queue = [`/soudan/${DEMO_CITY_ID}/`, ...publicLinks]
  const seen = new Set(queue)
  while (queue.length > 0) {
    const target = queue.shift()!
    await test.step(target, async () => {
      await page.goto(target)
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
      await expectFits(page)
    })
    for (const link of await linkTargets(page)) {
      if (!link.startsWith(`/soudan/${DEMO_CITY_ID}/`) || seen.has(link)) continue
      seen.add(link)
      queue.push(link)
    }
  }
})

test('every route of the router was opened above', () => {
  const opened = visited()
  const missed = routes.filter((r) => !(r in opened))
  expect(missed, 'routes no role reached: link them from a page, or open them in this spec').toEqual([])
})
