import { count, eq, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import {
  caseEvents,
  casePeople,
  casePersonPhones,
  cases,
  contacts,
  counters,
} from '#server/db/schema/index.ts'
import { ensureCity, orgRecords, setWindowInfo } from '#server/modules/org/index.ts'
import { readSetting, writeSetting } from '#server/platform/settings-store.ts'
import { labelOf, ROLES, WARDS } from '#shared/codes.ts'
import { tokyoDate } from '#shared/dates.ts'
import { type DemoLogin, ensureDemoAccounts } from './demo-accounts.ts'
import { generateDemoCases } from './demo-cases.ts'
import { seededRandom } from './demo-random.ts'
import { seedDemoSeminars } from './demo-seminars.ts'
import { seedDemoWard } from './demo-ward.ts'

export const DEMO_CITY = { id: 'demo', name: 'みなと市（デモ）' } as const
export const DEMO_CASE_COUNT = 300
/** The demo window's own number is fictional; the crisis lines are the national ones. */
const DEMO_WINDOW = {
  hours: '平日 9時～17時（祝日・年末年始を除く）',
  phone: '000-000-0000（デモ用）',
  crisisLines: [
    { name: 'いのちの電話（ナビダイヤル）', phone: '0570-783-556', hours: '10時～22時' },
    { name: 'よりそいホットライン', phone: '0120-279-338', hours: '24時間' },
  ],
}
const SEED = 20_240_401

/** Inserts in slices so that no statement nears PostgreSQL's limit on bound parameters. */
async function insertAll<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500))
}

/**
 * Prepares the fictional demo city: its wards and units, one account per role with a fresh
 * password, and — on a store without demo cases — about 300 cases with their contacts.
 */
export async function seedDemo(db: Db, now: Date, print: (line: string) => void): Promise<DemoLogin[]> {
  await ensureCity(db, DEMO_CITY)
  // The demo is tried without an authenticator app at hand: 2FA is required of no role there
  // (until an administrator sets it on the settings page), unlike a real city's default.
  if ((await readSetting(db, DEMO_CITY.id, 'twoFactorRoles')) === undefined) {
    await writeSetting(db, DEMO_CITY.id, 'twoFactorRoles', [])
  }
  // The residents' pages show the window's hours and the crisis lines: the demo city has them.
  if ((await orgRecords.windowInfo(db, DEMO_CITY.id)).version === 0)
    await setWindowInfo(db, DEMO_CITY.id, DEMO_WINDOW)
  const logins = await ensureDemoAccounts(db, DEMO_CITY.id)
  await seedDemoSeminars(db, DEMO_CITY.id, tokyoDate(now))
  const [existing] = await db.select({ n: count() }).from(cases).where(eq(cases.tenantId, DEMO_CITY.id))
  if ((existing?.n ?? 0) > 0) return logins

  const staff = (loginId: string) => {
    const a = logins.find((l) => l.loginId === loginId)!
    return { id: a.id, name: a.name }
  }
  const data = generateDemoCases(seededRandom(SEED), {
    tenantId: DEMO_CITY.id,
    today: tokyoDate(now),
    count: DEMO_CASE_COUNT,
    window: [staff('demo-window1'), staff('demo-window2')],
    wards: { kita: staff('demo-kita'), sakyo: staff('demo-sakyo') },
  })
  await db.transaction(async (tx) => {
    await insertAll(data.cases, (s) => tx.insert(cases).values(s))
    await insertAll(data.people, (s) => tx.insert(casePeople).values(s))
    await insertAll(data.phones, (s) => tx.insert(casePersonPhones).values(s))
    await insertAll(data.contacts, (s) => tx.insert(contacts).values(s))
    await insertAll(data.events, (s) => tx.insert(caseEvents).values(s))
    for (const [fy, last] of data.lastNumbers) {
      await tx
        .insert(counters)
        .values({ tenantId: DEMO_CITY.id, name: `case_no:${fy}`, value: last })
        .onConflictDoUpdate({
          target: [counters.tenantId, counters.name],
          set: { value: sql`greatest(${counters.value}, excluded.value)` },
        })
    }
    await seedDemoWard(tx, DEMO_CITY.id, tokyoDate(now), seededRandom(SEED + 1))
  })
  print(
    `Demo city: created ${data.cases.length} fictional cases with ${data.people.length} consulters and ${data.contacts.length} contacts.`,
  )
  return logins
}

/** The accounts and their passwords, for the terminal only; marked as demo-only. */
export function printDemoLogins(logins: DemoLogin[], publicUrl: string, print: (line: string) => void) {
  print('')
  print('【デモ専用】 デモ用アカウント / Demo accounts (demo only; new passwords at every demo start):')
  const width = Math.max(...logins.map((l) => l.loginId.length))
  for (const l of logins) {
    const ward = l.wardCode ? `（${labelOf(WARDS, l.wardCode)}）` : ''
    print(`  ${l.loginId.padEnd(width)}  ${l.password}  ${labelOf(ROLES, l.role)}${ward}  ${l.name}`)
  }
  print(`  ログイン / Log in at ${publicUrl}/login (city: ${DEMO_CITY.id})`)
  print('  架空の市・架空のデータです。実在の個人情報を入力しないでください。')
  print('  Fictional city and data: do not enter real personal information.')
  print('')
}
