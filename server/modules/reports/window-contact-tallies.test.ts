import { readdirSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Db, embeddedClient } from '#server/db/client.ts'
import { contacts } from '#server/db/schema/index.ts'
import { importLedger } from '#server/modules/interchange/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { CONTACT_METHODS, COUNTERPARTS } from '#shared/codes.ts'
import { contactsRead, type WindowContactCounts, wholeMonths } from './contacts.sql.ts'
import { SEED_CITY_DIR } from './fixtures/make-seed-city.ts'
import type { ReportOptions } from './report-period.ts'
import {
  pauseTallies,
  pauseTalliesIn,
  recountTallies,
  recountTalliesInTurns,
  resumeTallies,
  vacuumTallies,
  WINDOW_CONTACT_TALLIES,
} from './tally-upkeep.ts'
import { recordsFor } from './test-support.ts'
import { readWindowContactTallies } from './window-contact-tallies.sql.ts'

// The monthly tallies are kept by triggers on contacts and cases (migration 0034). Whatever is
// written, by whichever statement, they must give what the contacts themselves give, for every
// period of whole months and every ward: each step below writes, then both are compared.

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const WARDS = ['kita', 'minami', null] as const
const PERIODS: ReportOptions[] = [
  { from: '2020-04-01', to: '2021-03-31' },
  { from: '2021-04-01', to: '2022-03-31' },
  { from: '2020-01-01', to: '2022-12-31' },
  { from: '2021-02-01', to: '2021-02-28' },
  { from: '2021-03-01', to: '2021-05-31' },
  { from: '2019-01-01', to: '2019-12-31' },
]

/** Seedable: the same steps every run. */
function random(seed: number) {
  let a = seed
  const next = () => {
    a = (a * 1_103_515_245 + 12_345) % 2_147_483_648
    return a / 2_147_483_648
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  const day = () =>
    `${int(2020, 2022)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`
  return { int, pick, day }
}

/**
 * `count` cases at random, one in five taken in at a ward centre, each with 0 to `mostContacts`
 * contacts added in one statement (ties on a day included); answers their ids.
 */
async function addRandomCases(
  r: ReturnType<typeof recordsFor>,
  rand: ReturnType<typeof random>,
  count: number,
  mostContacts: number,
) {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const id = await r.addCase({
      openedOn: rand.day(),
      ward: rand.pick(WARDS),
      intakeUnit: rand.int(0, 4) === 0 ? 'kita' : 'window',
    })
    ids.push(id)
    const first = rand.day()
    await r.addContacts(
      id,
      ...Array.from({ length: rand.int(0, mostContacts) }, (_, k) => ({
        contactedOn: k === 1 ? first : rand.day(),
        method: rand.pick(CONTACT_METHODS).code,
        counterpart: rand.pick(COUNTERPARTS).code,
      })),
    )
  }
  return ids
}

/**
 * Counts in one shape whatever read them: cells and wards summed (each half gives its own), zeros
 * dropped. A case's first contact in a month (`people`) is compared per month, as the report
 * uses it (contacts.sql.ts sums it over the month's cells): when a case's first day in a month
 * has two contacts by different methods, which cell holds the person depends on how each read
 * orders contacts of one day, and the month's sum does not.
 */
function normal(c: WindowContactCounts) {
  const wards = new Map<string, { n: number; people: number; consultations: number; continuing: number }>()
  for (const w of c.wards) {
    const key = String(w.ward)
    const sum = wards.get(key) ?? { n: 0, people: 0, consultations: 0, continuing: 0 }
    sum.n += w.n
    sum.people += w.people
    sum.consultations += w.consultations
    sum.continuing += w.continuing
    wards.set(key, sum)
  }
  const cells = new Map<string, number>()
  const people = new Map<string, number>()
  for (const x of c.cells) {
    const key = `${x.month} ${x.method} ${x.counterpart}`
    cells.set(key, (cells.get(key) ?? 0) + x.n)
    people.set(x.month, (people.get(x.month) ?? 0) + x.people)
  }
  return {
    cells: [...cells]
      .filter(([, n]) => n > 0)
      .map(([key, n]) => `${key} ${n}`)
      .sort(),
    people: [...people].filter(([, n]) => n > 0).sort(),
    months: [...c.consultationsByMonth].filter(([, n]) => n > 0).sort(),
    wards: [...wards]
      .filter(([, w]) => w.n || w.people || w.consultations || w.continuing)
      .sort(([a], [b]) => a.localeCompare(b)),
  }
}

async function expectTalliesRight(db: Db, tenantId: string, step: string) {
  for (const period of PERIODS) {
    expect(wholeMonths(period)).toBe(true)
    for (const ward of [null, 'kita', 'minami']) {
      const o = { ...period, ward }
      const tallied = normal(await readWindowContactTallies(db, tenantId, o))
      const counted = normal(await contactsRead(db, tenantId, o))
      expect(tallied, `${step}: ${o.from}–${o.to} ${ward ?? 'every ward'}`).toEqual(counted)
    }
  }
}

describe('the window contacts tallied by month', () => {
  it('agree with the contacts after every kind of write, on one case or many at once', async () => {
    const city = await ctx.newCity()
    const t = city.tenantId
    const r = recordsFor(ctx.db, t)
    const rand = random(15)
    const ids = await addRandomCases(r, rand, 40, 6)
    const someContacts = async (n: number) =>
      (
        (await ctx.db.execute(
          sql`select id from contacts where tenant_id = ${t} order by md5(id::text) limit ${n}`,
        )) as unknown as { rows: { id: string }[] }
      ).rows.map((x) => x.id)
    await expectTalliesRight(ctx.db, t, 'inserted')

    // Contacts moved to another day (across months), method changed, several in one statement.
    for (const id of await someContacts(12))
      await ctx.db.execute(
        sql`update contacts set contacted_on = ${rand.day()}::date, method = ${rand.pick(CONTACT_METHODS).code}
          where tenant_id = ${t} and id = ${id}`,
      )
    const many = await someContacts(20)
    await ctx.db.execute(
      sql`update contacts set contacted_on = contacted_on + 45 where tenant_id = ${t}
        and id in (${sql.join(
          many.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
    )
    await expectTalliesRight(ctx.db, t, 'updated contacts')

    // A contact moved to another case.
    const [moved] = await someContacts(1)
    await ctx.db.execute(
      sql`update contacts set case_id = ${ids[0]!}::uuid where tenant_id = ${t} and id = ${moved!}`,
    )
    await expectTalliesRight(ctx.db, t, 'moved to another case')

    // Deleted, one and several at once.
    const gone = await someContacts(8)
    await ctx.db.execute(sql`delete from contacts where tenant_id = ${t} and id = ${gone[0]!}`)
    await ctx.db.execute(
      sql`delete from contacts where tenant_id = ${t} and id in (${sql.join(
        gone.slice(1).map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    )
    await expectTalliesRight(ctx.db, t, 'deleted contacts')

    // Cases: a new ward, a new opening date, handed from the window to a ward and back, all at once too.
    await ctx.db.execute(sql`update cases set ward = 'minami' where tenant_id = ${t} and id = ${ids[1]!}`)
    await ctx.db.execute(sql`update cases set ward = null where tenant_id = ${t} and id = ${ids[2]!}`)
    await ctx.db.execute(
      sql`update cases set opened_on = opened_on - 200 where tenant_id = ${t} and id = ${ids[3]!}`,
    )
    await ctx.db.execute(
      sql`update cases set intake_unit = case when intake_unit = 'window' then 'kita' else 'window' end
        where tenant_id = ${t} and id in (${ids[4]!}, ${ids[5]!}, ${ids[6]!})`,
    )
    await ctx.db.execute(sql`update cases set ward = 'kita', opened_on = '2021-02-10' where tenant_id = ${t}`)
    // An update that changes nothing the tallies know.
    await ctx.db.execute(
      sql`update cases set ward_state = 'ready' where tenant_id = ${t} and id = ${ids[7]!}`,
    )
    await expectTalliesRight(ctx.db, t, 'updated cases')

    // A case and its contacts deleted.
    await ctx.db.execute(sql`delete from contacts where tenant_id = ${t} and case_id = ${ids[8]!}`)
    await ctx.db.execute(sql`delete from cases where tenant_id = ${t} and id = ${ids[8]!}`)
    await expectTalliesRight(ctx.db, t, 'deleted case')
  })

  it('count each of many contacts added to one case at the same moment, on separate connections', async () => {
    const city = await ctx.newCity()
    const t = city.tenantId
    const r = recordsFor(ctx.db, t)
    const id = await r.addCase({ openedOn: '2021-01-05', ward: 'kita' })
    // Each in a transaction of its own, started together: each first-of-the-month or second
    // contact depends on the others. Recounts of the city run among them (an import's end): each
    // waits for the writers before it, and the writers after it for it.
    const recount = () => ctx.db.transaction((tx) => recountTallies(tx, t))
    await Promise.all(
      Array.from({ length: 15 }, (_, k) =>
        k % 5 === 2
          ? recount()
          : ctx.db.transaction(async (tx) => {
              await tx.insert(contacts).values({
                tenantId: t,
                caseId: id,
                contactedOn: `2021-0${1 + (k % 3)}-${String(10 + k).padStart(2, '0')}`,
                method: 'phone',
                counterpart: 'family',
              })
            }),
      ),
    )
    await expectTalliesRight(ctx.db, t, 'concurrent')
    const year = await readWindowContactTallies(ctx.db, t, { from: '2021-01-01', to: '2021-12-31' })
    expect(normal(year).wards).toEqual([['kita', { n: 12, people: 1, consultations: 12, continuing: 1 }]])
  })

  it('wait while an import writes their city, other cities counting on, and are counted again at its end', async () => {
    const a = (await ctx.newCity()).tenantId
    const b = (await ctx.newCity()).tenantId
    const [ra, rb] = [recordsFor(ctx.db, a), recordsFor(ctx.db, b)]
    const caseA = await ra.addCase({ openedOn: '2021-01-05', ward: 'kita' })
    const caseB = await rb.addCase({ openedOn: '2021-01-05', ward: 'kita' })
    await ra.addContacts(caseA, { contactedOn: '2021-01-05' })
    await rb.addContacts(caseB, { contactedOn: '2021-01-05' })
    const year = { from: '2021-01-01', to: '2021-12-31' }
    const tallied = async (db: Db, t: string) => normal(await readWindowContactTallies(db, t, year))
    const asBefore = await tallied(ctx.db, a)
    const add = (db: Db, t: string, caseId: string) =>
      db
        .insert(contacts)
        .values({ tenantId: t, caseId, contactedOn: '2021-02-10', method: 'phone', counterpart: 'family' })
    // PostgreSQL's import: one transaction, paused until its end.
    await ctx.db.transaction(async (tx) => {
      await pauseTalliesIn(tx, a)
      await add(tx, a, caseA)
      await add(tx, b, caseB)
      await tx.execute(sql`update cases set ward = 'minami' where tenant_id = ${a} and id = ${caseA}`)
      expect(await tallied(tx, a)).toEqual(asBefore)
      await expectTalliesRight(tx, b, 'another city, in the paused transaction')
      await recountTallies(tx, a)
      await expectTalliesRight(tx, a, 'counted again')
    })
    // After it, the city's writes are counted again.
    await add(ctx.db, a, caseA)
    await expectTalliesRight(ctx.db, a, 'after the transaction')
    // The embedded store's import: the one connection, paused across transactions until resumed.
    const embedded = embeddedClient(ctx.db)
    if (embedded) {
      const paused = await tallied(ctx.db, a)
      await pauseTallies(embedded, a)
      try {
        await add(ctx.db, a, caseA)
        await add(ctx.db, b, caseB)
        expect(await tallied(ctx.db, a)).toEqual(paused)
        await expectTalliesRight(ctx.db, b, 'another city, on the paused connection')
        await recountTallies(ctx.db, a)
      } finally {
        await resumeTallies(embedded)
      }
      await add(ctx.db, a, caseA)
      await expectTalliesRight(ctx.db, a, 'resumed')
    }
  })

  it('are counted again in parts of the window cases that add up to the whole, in turns on the embedded store', async () => {
    const t = (await ctx.newCity()).tenantId
    const r = recordsFor(ctx.db, t)
    const rand = random(23)
    await addRandomCases(r, rand, 25, 5)
    const ids = (
      (await ctx.db.execute(
        sql`select id::text as id from cases where tenant_id = ${t} and intake_unit = 'window' order by id`,
      )) as unknown as { rows: { id: string }[] }
    ).rows.map((x) => x.id)
    const takeAway = async (db: Db) => {
      for (const table of WINDOW_CONTACT_TALLIES)
        await db.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${t}`)
    }
    // The SQL function (migration 0035), on either store: parts of four cases, counted in turn.
    await ctx.db.transaction(async (tx) => {
      await takeAway(tx)
      for (let i = 0; i < ids.length; i += 4) {
        const part = ids.slice(i, i + 4)
        await tx.execute(sql`select count_window_contacts(${t}, ${part[0]!}::uuid, ${part.at(-1)!}::uuid)`)
      }
    })
    await expectTalliesRight(ctx.db, t, 'counted in parts')
    // The embedded store's recount: each part a statement of its own, other requests between.
    const embedded = embeddedClient(ctx.db)
    if (embedded) {
      let turns = 0
      await recountTalliesInTurns(embedded, t, async () => void turns++, 3)
      // The taking away, then one turn per three window cases.
      expect(turns).toBe(1 + Math.ceil(ids.length / 3))
      await expectTalliesRight(ctx.db, t, 'counted again in turns')
    }
  })

  it('are counted in parts each planned for its own ids (a kept generic plan held the store for 1.3 s)', async () => {
    const found = (await ctx.db.execute(
      sql`select proconfig from pg_proc where proname = 'count_window_contacts'`,
    )) as unknown as { rows: { proconfig: string[] | null }[] }
    expect(found.rows).toEqual([{ proconfig: expect.arrayContaining(['plan_cache_mode=force_custom_plan']) }])
  })

  it('are right after a ledger is imported into a city with contacts, and imported again', async () => {
    const t = (await ctx.newCity()).tenantId
    const r = recordsFor(ctx.db, t)
    const before = await r.addCase({ openedOn: '2020-10-05', ward: 'kita' })
    await r.addContacts(before, { contactedOn: '2020-10-05' }, { contactedOn: '2020-11-20' })
    const paths = readdirSync(SEED_CITY_DIR).map((f) => `${SEED_CITY_DIR}${f}`)
    for (const step of ['imported', 'imported again']) {
      const imported = await importLedger(ctx.db, t, paths, { dryRun: false, actor: null, now: new Date() })
      expect(imported.errors).toEqual([])
      await expectTalliesRight(ctx.db, t, step)
    }
    const year = await readWindowContactTallies(ctx.db, t, { from: '2020-09-01', to: '2021-08-31' })
    expect(year.wards.reduce((sum, w) => sum + w.n, 0)).toBeGreaterThan(300)
  }, 120_000)

  it('are vacuumed by the server on the embedded store, which has no autovacuum', async () => {
    const vacuumed = async () =>
      (
        (await ctx.db.execute(
          sql`select count(*)::int as n from pg_stat_user_tables
            where relname like 'window_contact_%' and last_vacuum is not null`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0]!.n
    const before = await vacuumed()
    const did = await vacuumTallies(ctx.db)
    expect(did).toBe(embeddedClient(ctx.db) !== undefined)
    if (did) expect(await vacuumed()).toBe(3)
    else expect(await vacuumed()).toBe(before)
  })

  it('answer a period of whole months only', () => {
    expect(wholeMonths({ from: '2021-04-01', to: '2022-03-31' })).toBe(true)
    expect(wholeMonths({ from: '2024-02-01', to: '2024-02-29' })).toBe(true)
    expect(wholeMonths({ from: '2024-02-01', to: '2024-02-28' })).toBe(false)
    expect(wholeMonths({ from: '2021-04-02', to: '2022-03-31' })).toBe(false)
  })
})
