// The trap that server/db/replan.ts keeps long writes out of, set for a test: a parent table like
// cases (a primary key on the tenant and a uuid, and a smaller index that leads with the tenant
// only) and a child table whose foreign key points at it. The check of the children's key is
// planned on 1,000 parents without statistics: the planner takes them for a few hundred rows (it
// counts rows from pages and the declared columns' widths, and many are declared and left empty,
// as a case's are) and reads the smaller index. Kept, that plan reads every parent of the city
// for each child once there are thousands.
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { rowsOf } from './harness.ts'

export const TRAP_TENANT = 'replan_city'

const NOTES = Array.from({ length: 30 }, (_, i) => `note${i} text`).join(', ')

/** Parents `from`…`to`, their ids derived from their numbers. */
export const addParents = (from: number, to: number): SQL =>
  sql.raw(`insert into replan_parent select '${TRAP_TENANT}', md5(g::text)::uuid, null, repeat('寄', 10)
    from generate_series(${from}, ${to}) g`)

/** Children `from`… of the latest parents (8,000 down), as a case's history follows the case just written. */
export const addChildren = (from: number, count = 100): SQL =>
  sql.raw(`insert into replan_child select '${TRAP_TENANT}', g, md5((8001 - g)::text)::uuid
    from generate_series(${from}, ${from + count - 1}) g`)

/** The two tables, anew, with 1,000 parents. */
export async function setTrap(db: Db): Promise<void> {
  for (const text of [
    'drop table if exists replan_child',
    'drop table if exists replan_parent',
    `create table replan_parent (tenant_id text, id uuid, unit int, pad text, ${NOTES},
      primary key (tenant_id, id))`,
    'create index replan_parent_unit on replan_parent (tenant_id, unit)',
    `create table replan_child (tenant_id text, id int, parent uuid, primary key (tenant_id, id),
      foreign key (tenant_id, parent) references replan_parent (tenant_id, id))`,
  ])
    await db.execute(sql.raw(text))
  await db.execute(addParents(1, 1000))
}

/**
 * Children of the first parents, one statement each: the connection plans their check now and
 * keeps the plan (its first executions, then a generic plan, until DDL or statistics drop it).
 * `db` must be the connection the long write then uses (a transaction on PostgreSQL).
 */
export async function springTrap(db: Db): Promise<void> {
  for (let i = 1; i <= 8; i++)
    await db.execute(sql.raw(`insert into replan_child values ('${TRAP_TENANT}', ${-i}, md5('${i}')::uuid)`))
}

/**
 * Index entries of the parents read by the connection so far, to subtract: PGlite's pending counts
 * are the session's, PostgreSQL's the transaction's.
 */
export const parentEntriesRead = async (db: Db): Promise<number> =>
  (
    await rowsOf<{ n: number }>(
      db,
      sql`select sum(pg_stat_get_xact_tuples_returned(indexrelid))::int as n from pg_index
        where indrelid = 'replan_parent'::regclass`,
    )
  )[0]!.n
