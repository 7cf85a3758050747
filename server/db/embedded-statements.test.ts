import { eq, sql } from 'drizzle-orm'
import { boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from './client.ts'
import type { KeptStatementsPGlite } from './embedded-statements.ts'
import { preparedPer } from './prepared.ts'

// The embedded store's kept statements (embedded-statements.ts), on PGlite whatever the test store.
const probes = pgTable('kept_probe', {
  id: integer('id').primaryKey(),
  label: text('label'),
  at: timestamp('at', { withTimezone: true }).notNull(),
  data: jsonb('data'),
  flag: boolean('flag').notNull(),
})

let handle: DatabaseHandle
beforeAll(async () => {
  handle = await openDatabase({})
  await handle.db.execute(
    sql.raw(`create table kept_probe (id int primary key, label text, at timestamptz not null, data jsonb,
      flag boolean not null)`),
  )
})
afterAll(() => handle.close())

const byId = preparedPer((db) =>
  db
    .select()
    .from(probes)
    .where(eq(probes.id, sql.placeholder('id')))
    .prepare('kept_probe_by_id'),
)
const insertProbe = preparedPer((db) =>
  db
    .insert(probes)
    .values({
      id: sql.placeholder('id'),
      label: sql.placeholder('label'),
      at: sql.placeholder('at'),
      data: sql.placeholder('data'),
      flag: sql.placeholder('flag'),
    })
    .prepare('kept_probe_insert'),
)

const named = async () =>
  (
    await handle.pglite!.query<{ name: string }>(`select name from pg_prepared_statements order by name`)
  ).rows.map((r) => r.name)

describe("the embedded store's kept statements", () => {
  it('parses a per-request statement once, as a named statement, and reads the same values as an unnamed one', async () => {
    const at = new Date('2026-04-01T09:30:00.123Z')
    await insertProbe(handle.db).execute({ id: 1, label: '相談', at, data: { a: [1, 'b'] }, flag: true })
    await insertProbe(handle.db).execute({ id: 2, label: null, at, data: null, flag: false })
    const kept = [
      ...(await byId(handle.db).execute({ id: 1 })),
      ...(await byId(handle.db).execute({ id: 2 })),
    ]
    const unnamed = await handle.db.select().from(probes).orderBy(probes.id)
    expect(kept).toEqual(unnamed)
    expect(kept[0]).toEqual({ id: 1, label: '相談', at, data: { a: [1, 'b'] }, flag: true })
    // Two statements kept, each parsed once however often it ran.
    expect((await named()).filter((n) => n.startsWith('yorisoi_kept_'))).toHaveLength(2)
  })

  it("waits for another caller's transaction to end rather than run inside it", async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let inserted!: () => void
    const insertedYet = new Promise<void>((resolve) => {
      inserted = resolve
    })
    const transaction = handle.db.transaction(async (tx) => {
      await tx.insert(probes).values({ id: 3, at: new Date(), flag: false })
      inserted()
      await held
      tx.rollback()
    })
    await insertedYet
    const read = byId(handle.db).execute({ id: 3 })
    release()
    await expect(transaction).rejects.toThrow()
    // Had it run inside the transaction, it would have seen the row the rollback took back.
    expect(await read).toEqual([])
  })

  it('after a failed call, the next one runs', async () => {
    const at = new Date()
    await expect(
      insertProbe(handle.db).execute({ id: 1, label: 'x', at, data: null, flag: true }),
    ).rejects.toThrow()
    await insertProbe(handle.db).execute({ id: 4, label: 'y', at, data: null, flag: true })
    expect((await byId(handle.db).execute({ id: 4 }))[0]?.label).toBe('y')
  })

  it("describes a statement's rows once, and afresh when PostgreSQL refuses the old description", async () => {
    const pglite = handle.pglite as KeptStatementsPGlite
    await pglite.exec(`create table kept_shape (id int, n int); insert into kept_shape values (1, 2)`)
    const text = 'select id, n from kept_shape where id = $1'
    pglite.keep(text)
    expect((await pglite.query(text, [1])).rows).toEqual([{ id: 1, n: 2 }])
    expect((await pglite.query(text, [1], { rowMode: 'array' })).rows).toEqual([[1, 2]])
    await pglite.exec('alter table kept_shape alter column n type text')
    // The rows now differ from the description kept: PostgreSQL will not run the statement as it
    // was parsed, so this call fails and the next parses and describes it anew.
    await expect(pglite.query(text, [1])).rejects.toThrow(/result type/u)
    expect((await pglite.query(text, [1])).rows).toEqual([{ id: 1, n: '2' }])
    // A caller's own parsers still apply, over PGlite's.
    const parsers = { 23: (value: string) => `#${value}` }
    expect((await pglite.query(text, [1], { parsers })).rows).toEqual([{ id: '#1', n: '2' }])
  })
})
