import type { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type DatabaseHandle, embeddedClient, openDatabase } from './client.ts'
import { UndoLog } from './undo-log.ts'

// The embedded store's undo log (undo-log.ts), on PGlite whatever the test store: what a long
// write noted is put back as it was before, decided by the first noting of each row.
let handle: DatabaseHandle
let client: PGlite
beforeAll(async () => {
  handle = await openDatabase({})
  client = embeddedClient(handle.db)!
})
afterAll(() => handle.close())

// Keys and values that an escape or a cast could get wrong.
const ODD = `全角Ａ１\u200b'"\\{x},NULL`
const TENANT = 'undo_city'

beforeEach(async () => {
  await client.exec(`drop table if exists undo_probe; drop schema if exists import_undo cascade;
    create table undo_probe (tenant_id text, k text, label text, n int, primary key (tenant_id, k))`)
  await client.query(
    `insert into undo_probe values ($1, 'kept', '前', 1), ($1, 'changed', '前', 2),
    ($1, 'gone', '前', 3), ($1, 'back', '前', 4), ($1, $2, $2, 5)`,
    [TENANT, ODD],
  )
})

const rows = async () =>
  (
    await client.query<{ k: string; label: string; n: number }>(
      'select k, label, n from undo_probe order by k',
    )
  ).rows

/** The city's rows before a long write, and the write's undo log, created. */
async function startWrite() {
  const before = await rows()
  const undo = new UndoLog(client, TENANT)
  await undo.create()
  return { before, undo }
}

/** Runs statements as a long write does: each in a transaction of its own, noted in `undo`. */
async function write(undo: UndoLog, statements: [string, unknown[]][]) {
  for (const [text, params] of statements) await client.transaction((tx) => undo.run(tx, text, params))
}

const insert = (k: string, label = '新'): [string, unknown[]] => [
  'insert into "undo_probe" (tenant_id, k, label, n) values ($1, $2, $3, 0)',
  [TENANT, k, label],
]
const update = (k: string, label: string): [string, unknown[]] => [
  'update "undo_probe" set label = $3, n = n + 100 where tenant_id = $1 and k = $2',
  [TENANT, k, label],
]
const remove = (k: string): [string, unknown[]] => [
  'delete from "undo_probe" where tenant_id = $1 and k = $2',
  [TENANT, k],
]

describe('the undo log', () => {
  it('puts back every row as it was: added rows deleted, changed and deleted rows as before', async () => {
    const { before, undo } = await startWrite()
    await write(undo, [
      // Added by one statement: noted together, as one log row.
      [
        `insert into "undo_probe" (tenant_id, k, label, n) select $1, 'new' || g, $2, g from generate_series(1, 450) g`,
        [TENANT, ODD],
      ],
      update('changed', '後'),
      remove('gone'),
      update(ODD, `${ODD}後`),
      // Upserted: one row added, one changed, in the same statement.
      [
        `insert into "undo_probe" (tenant_id, k, label, n) values ($1, 'upserted', '新', 0), ($1, 'kept', '新', 0)
          on conflict (tenant_id, k) do update set label = excluded.label`,
        [TENANT],
      ],
    ])
    expect(await rows()).not.toEqual(before)
    const logged = await client.query<{ images: number; added: number; keys: number }>(
      `select count(old)::int as images, count(added)::int as added,
        coalesce(sum(jsonb_array_length(added)), 0)::int as keys from import_undo."${TENANT}"`,
    )
    // 451 added rows in two log rows; four images (changed, gone, the odd one, kept).
    expect(logged.rows).toEqual([{ images: 4, added: 2, keys: 451 }])

    expect(await undo.restore(async () => {})).toBe(455)
    expect(await rows()).toEqual(before)
  })

  it('decides by the first noting: a row added then changed or deleted is gone, one deleted then added is back', async () => {
    const { before, undo } = await startWrite()
    await write(undo, [
      insert('added-changed'),
      update('added-changed', '後'),
      insert('added-deleted'),
      remove('added-deleted'),
      insert('added-twice'),
      remove('added-twice'),
      insert('added-twice', '再'),
      remove('back'),
      insert('back', '再'),
      update('back', '再々'),
    ])
    expect(await undo.restore(async () => {})).toBe(4)
    expect(await rows()).toEqual(before)
  })

  it('restores the same again when restoring was cut short (the process died), with the same count', async () => {
    const { before, undo } = await startWrite()
    await write(undo, [insert('a'), update('a', '後'), remove('back'), insert('back'), update('kept', '後')])
    let turns = 0
    const dies = async () => {
      turns++
      if (turns === 1) throw new Error('died')
    }
    await expect(undo.restore(dies)).rejects.toThrow('died')
    const again = (await UndoLog.leftBehind(client))[0]!
    expect(again.tenantId).toBe(TENANT)
    expect(await again.restore(async () => {})).toBe(3)
    expect(await again.restore(async () => {})).toBe(3)
    expect(await rows()).toEqual(before)
  })

  it('restores a log left by the version that noted each added row alone', async () => {
    const before = await rows()
    // That version's log: no `added` column; an added row is its key without an image.
    await client.exec(`create schema import_undo;
      create table import_undo."${TENANT}" (seq bigint generated always as identity primary key,
        tbl text not null, key jsonb not null, old jsonb);
      create unique index on import_undo."${TENANT}" (tbl, key)`)
    await client.exec(`insert into undo_probe values ('${TENANT}', 'new', '新', 0);
      update undo_probe set label = '後' where k = 'changed'`)
    await client.query(
      `insert into import_undo."${TENANT}" (tbl, key, old) values
        ('"undo_probe"', jsonb_build_object('tenant_id', $1::text, 'k', 'new'), null),
        ('"undo_probe"', jsonb_build_object('tenant_id', $1::text, 'k', 'changed'),
          jsonb_build_object('tenant_id', $1::text, 'k', 'changed', 'label', '前', 'n', 2))`,
      [TENANT],
    )
    const [left] = await UndoLog.leftBehind(client)
    expect(await left!.restore(async () => {})).toBe(2)
    expect(await rows()).toEqual(before)
  })
})
