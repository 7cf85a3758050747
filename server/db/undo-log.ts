// A long write on the embedded store (PGlite: one connection) cannot be one transaction: while
// it is open every other request waits. So it is written in many short transactions, and each
// write notes here, in the same transaction, what it changed: the key of every row it wrote and
// the row as it was before (none for a new row). `restore` puts every row so noted back as it
// was, which leaves the store as before the long write (server/db/deferred.ts applies an
// import's statements this way).
//
// The log is an ordinary table, written and committed with each write it notes, so that it
// outlives the process: if the process dies (kill -9, power cut) between the first write and the
// last step, the next start finds the log and restores it (interrupted-imports.ts). The last
// step drops the log in its own transaction (`dropWith`): either that step committed and no log
// is left, or the log is there and the city goes back. One log per city (a city's imports are
// one at a time, platform/import-lock.ts), named by its id, in a schema of its own: created at
// run time on the embedded store only (PostgreSQL imports in one transaction), it is no table of
// the app's schema, its migrations or its row-level security (PGlite has one user).
//
// A row the write changed or deleted is noted with its former image, one log row each. The rows a
// statement added are noted together, one log row holding the array of their keys (`added`): an
// import's moves are mostly new rows, and a log row for each of them (a jsonb key and an entry in
// the unique index) cost three times the move itself in PGlite's WebAssembly (measured on 20,000
// rows: the move alone 178 ms, with a log row each 753 ms, with one array 221 ms).
import type { PGlite, Transaction } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/pglite'
import type { Db } from './client.ts'
import * as schema from './schema/index.ts'

type Client = Pick<Transaction, 'query'>

/** A write statement's verb and table, as Drizzle writes them (`insert into "cases" …`). */
const WRITE =
  /^\s*(?:insert\s+into|delete\s+from|update)\s+((?:"[a-z_][a-z0-9_]*"\.)?"[a-z_][a-z0-9_]*"|[a-z_][a-z0-9_]*)/i
/** Statements that change no table's rows: run as they are. */
const NOT_A_WRITE = /^\s*(?:drop|create|analyze|select)\b/i

/** Undo rows per restoring statement: each a short transaction. */
const RESTORE_ROWS = 1000
/** Log rows of added keys per restoring statement: each holds the keys a statement added (a move's 200). */
const RESTORE_ADDED = 5

interface TableInfo {
  /** The primary key's columns. */
  key: string[]
  /** Columns that can be written (not generated). */
  columns: string[]
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`
/** A table's name as the log's `tbl` holds it, as an SQL text literal. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`

/** The schema of the undo logs: one table per city whose import is under way (or was interrupted). */
const SCHEMA = 'import_undo'

export class UndoLog {
  private readonly name: string
  private readonly tables = new Map<string, TableInfo>()
  private created = false

  constructor(
    private readonly client: PGlite,
    readonly tenantId: string,
  ) {
    this.name = `${SCHEMA}.${ident(tenantId)}`
  }

  /** The logs a process left behind (it died before their import's last step), ready to restore. */
  static async leftBehind(client: PGlite): Promise<UndoLog[]> {
    const found = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and c.relkind = 'r' order by 1`,
      [SCHEMA],
    )
    const logs = found.rows.map((r) => {
      const log = new UndoLog(client, r.name)
      log.created = true
      return log
    })
    for (const log of logs) await log.upgrade()
    return logs
  }

  /**
   * A log left by a version that noted each added row alone (key, no image) and had no `added`
   * column: its added rows are put in that column's form, in one implicit transaction. Harmless
   * on a log of this version.
   */
  private async upgrade(): Promise<void> {
    await this.client.exec(
      `alter table ${this.name} add column if not exists added jsonb;
       alter table ${this.name} alter column key drop not null;
       update ${this.name} set added = jsonb_build_array(key), key = null where old is null and added is null`,
    )
  }

  /**
   * Creates the log: before the first transaction that notes in it (not inside one). Fails if
   * the city has a log already: an interrupted import not yet restored comes first.
   */
  async create(): Promise<void> {
    if (this.created) return
    // Images: one row per (table, key), the first image noted is the one from before the long
    // write. Added rows: `added` holds their keys, `key` and `old` are null (and so never conflict).
    await this.client.exec(
      `create schema if not exists ${SCHEMA};
       create table ${this.name} (seq bigint generated always as identity primary key,
        tbl text not null, key jsonb, old jsonb, added jsonb);
       create unique index on ${this.name} (tbl, key)`,
    )
    this.created = true
  }

  private async info(tx: Client, table: string): Promise<TableInfo> {
    const known = this.tables.get(table)
    if (known) return known
    const key = await tx.query<{ attname: string }>(
      `select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = to_regclass($1) and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
      [table],
    )
    const columns = await tx.query<{ attname: string }>(
      `select attname from pg_attribute where attrelid = to_regclass($1) and attnum > 0
        and not attisdropped and attgenerated = '' order by attnum`,
      [table],
    )
    if (key.rows.length === 0) throw new Error(`undo: ${table} has no primary key`)
    const info = { key: key.rows.map((r) => r.attname), columns: columns.rows.map((r) => r.attname) }
    this.tables.set(table, info)
    return info
  }

  private keyOf(info: TableInfo, row: string): string {
    return `jsonb_build_object(${info.key.map((c) => `'${c}', ${row}.${ident(c)}`).join(', ')})`
  }

  /**
   * The statement, noting what it changes: a write without RETURNING notes the key and former
   * image of each row it writes; anything else that changes rows is refused (it could not be
   * undone), except a write with RETURNING, whose rows the caller has noted first (`snapshot`).
   */
  private async noting(tx: Client, text: string): Promise<string> {
    const write = WRITE.exec(text)
    if (!write) {
      if (NOT_A_WRITE.test(text)) return text
      throw new Error(`undo: cannot note what this statement changes: ${text.slice(0, 40)}`)
    }
    if (/\breturning\b/i.test(text)) return text
    if (!this.created) throw new Error('undo: create the log first')
    const table = write[1]!
    const info = await this.info(tx, table)
    const first = ident(info.key[0]!)
    const tbl = literal(table)
    // A row without a former image (old.* all null) is one the statement added.
    return `with w as (${text} returning
        old.${first} is null as added,
        case when new.${first} is null then ${this.keyOf(info, 'old')} else ${this.keyOf(info, 'new')} end as k,
        case when old.${first} is null then null else to_jsonb(old) end as img),
      images as (insert into ${this.name} (tbl, key, old) select ${tbl}, k, img from w where not added
        on conflict (tbl, key) do nothing)
      insert into ${this.name} (tbl, added) select ${tbl}, jsonb_agg(k) from w where added having count(*) > 0`
  }

  /** Runs a statement in `tx`, noting what it changes. */
  async run(tx: Client, text: string, params: unknown[]): Promise<void> {
    await tx.query(await this.noting(tx, text), params)
  }

  /** A Db over `tx` whose writes are noted (see `noting`). */
  db(tx: Client): Db {
    const client = {
      query: async (text: string, params?: unknown[], options?: unknown) =>
        tx.query(await this.noting(tx, text), params, options as never),
    }
    return drizzle({ client: client as unknown as PGlite, schema }) as unknown as Db
  }

  /** Notes the rows of `table` that `where` (over alias t) selects as they are now, before a write with RETURNING. */
  async snapshot(tx: Client, table: string, where: string, params: unknown[]): Promise<void> {
    if (!this.created) throw new Error('undo: create the log first')
    const info = await this.info(tx, table)
    await tx.query(
      `insert into ${this.name} (tbl, key, old) select ${literal(table)}, ${this.keyOf(info, 't')}, to_jsonb(t)
        from ${table} t where ${where} on conflict (tbl, key) do nothing`,
      params,
    )
  }

  /**
   * Puts back every row noted, as it was before the long write; the first noting of a row decides.
   * First the added rows, in the order noted: images of theirs noted later leave the log (the row
   * was not there before, whatever the write did to it next), and the rows are deleted. Then the
   * images are written back, among them those of rows deleted and then added again. Each step is
   * a short transaction of its own, run as a replica would (session_replication_role), without
   * triggers or foreign-key actions: the rows come back as they were, in any order, and nothing
   * cascades. `between` runs between two of them.
   * Answers how many rows were put back (deleted or written back).
   */
  async restore(between: () => Promise<void>): Promise<number> {
    if (!this.created) return 0
    const inTurn = async (statements: string[]) => {
      await this.client.transaction(async (tx) => {
        await tx.query('set local session_replication_role = replica')
        for (const text of statements) await tx.query(text)
      })
      await between()
    }
    // Each statement is written before its transaction: it may read the catalog on the client,
    // which a transaction open on that one connection would wait for forever.
    const added = await this.client.query<{ seq: string; tbl: string }>(
      `select seq::text, tbl from ${this.name} where added is not null order by seq`,
    )
    const addedKeys = (table: string, seqs: string[]) =>
      `${this.name} u cross join lateral jsonb_array_elements(u.added) a(k)
        cross join lateral jsonb_populate_record(null::${table}, a.k) r
        where u.tbl = ${literal(table)} and u.seq = any('{${seqs.join(',')}}'::bigint[])`
    for (let at = 0; at < added.rows.length; at += RESTORE_ADDED) {
      const part = added.rows.slice(at, at + RESTORE_ADDED)
      const statements: string[] = []
      for (const table of new Set(part.map((r) => r.tbl))) {
        const seqs = part.filter((r) => r.tbl === table).map((r) => r.seq)
        const info = await this.info(this.client, table)
        const same = info.key.map((c) => `t.${ident(c)} = r.${ident(c)}`).join(' and ')
        statements.push(
          `delete from ${this.name} i using ${addedKeys(table, seqs)} and i.tbl = u.tbl and i.key = a.k and i.seq > u.seq`,
          `delete from ${table} t using ${addedKeys(table, seqs)} and ${same}`,
        )
      }
      await inTurn(statements)
    }
    const images = await this.client.query<{ tbl: string; lo: number; hi: number }>(
      `select tbl, min(seq)::int as lo, max(seq)::int as hi from ${this.name} where old is not null
        group by tbl order by min(seq)`,
    )
    for (const { tbl: table, lo, hi } of images.rows) {
      const info = await this.info(this.client, table)
      const columns = info.columns.map(ident).join(', ')
      const set = info.columns.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ')
      for (let from = lo; from <= hi; from += RESTORE_ROWS)
        await inTurn([
          `insert into ${table} (${columns}) overriding system value
            select ${info.columns.map((c) => `r.${ident(c)}`).join(', ')}
            from ${this.name} u cross join lateral jsonb_populate_record(null::${table}, u.old) r
            where u.tbl = ${literal(table)} and u.seq >= ${from} and u.seq < ${from + RESTORE_ROWS} and u.old is not null
            on conflict (${info.key.map(ident).join(', ')}) do update set ${set}`,
        ])
    }
    // Counted once the log holds only what decided, so the same figure if restoring runs again:
    // the images, and the added rows without an earlier image (those came back as that image).
    const total = await this.client.query<{ n: number }>(
      `select ((select count(old) from ${this.name})
        + (select count(distinct (u.tbl, a.k)) from ${this.name} u
            cross join lateral jsonb_array_elements(u.added) a(k)
            where not exists (select from ${this.name} i where i.tbl = u.tbl and i.key = a.k and i.seq < u.seq)))::int as n`,
    )
    // The one trigger that writes another table on an import's write: a meeting's status opens
    // or closes its agenda rows (migration 0025). Put back, the meetings' agendas follow again.
    if (images.rows.some((r) => r.tbl === '"meetings"'))
      await this.client.query(
        `update meeting_agenda g set open = (m.status <> 'held') from meetings m, ${this.name} u
          cross join lateral jsonb_populate_record(null::meetings, u.key) r
          where u.tbl = '"meetings"' and m.tenant_id = r.tenant_id and m.id = r.id
            and g.tenant_id = m.tenant_id and g.meeting_id = m.id and g.open is distinct from (m.status <> 'held')`,
      )
    // Restoring again (the process died while restoring) is harmless: it deletes the same rows
    // and writes the same images.
    return total.rows[0]!.n
  }

  /** Drops the log in `tx`, the transaction of the long write's last step: it commits with it, or not at all. */
  async dropWith(tx: Db): Promise<void> {
    // `created` stays: should `tx` roll back, the log is still there to restore.
    if (this.created) await tx.execute(sql.raw(`drop table ${this.name}`))
  }

  /** Drops the log once restored. */
  async drop(): Promise<void> {
    if (this.created) await this.client.exec(`drop table if exists ${this.name}`)
    this.created = false
  }
}
