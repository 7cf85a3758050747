import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { preparedPer } from '#server/db/prepared.ts'
import { accounts, orgUnits, sessions, tenants } from '#server/db/schema/index.ts'

/**
 * What a request needs of the account it acts for (auth's loadActor): the account, its unit and
 * its city's name, loaded afresh on every signed-in request so that a deactivation or a new role
 * counts at once. Only these columns: not the password's hash, only whether there is one.
 */
export interface ActingAccount {
  loginId: string
  name: string
  role: string
  active: boolean
  hasPassword: boolean
  unitId: string
  unitKind: string
  unitName: string
  wardCode: string | null
  /** Null when the city has no row. */
  cityName: string | null
}

const actingFields = {
  accountId: accounts.id,
  loginId: accounts.loginId,
  name: accounts.name,
  role: accounts.role,
  active: accounts.active,
  hasPassword: sql<boolean>`${accounts.passwordHash} is not null`,
  unitId: accounts.unitId,
  unitKind: orgUnits.kind,
  unitName: orgUnits.name,
  wardCode: orgUnits.wardCode,
  cityName: tenants.name,
}

type ActingRow = { [K in keyof typeof actingFields]: unknown }

/** The account's fields, or undefined when the join found no account (or no unit). */
function actingOf(row: ActingRow): ActingAccount | undefined {
  if (row.accountId === null || row.unitKind === null) return undefined
  const { accountId: _, ...account } = row
  return account as ActingAccount
}

/** One statement; every signed-in request that has not loaded it with its session runs it. */
export async function findActingAccount(db: Db, tenantId: string, id: string) {
  const [row] = await actingAccount(db).execute({ tenantId, id })
  return row && actingOf(row)
}

const actingAccount = preparedPer((db) =>
  db
    .select(actingFields)
    .from(accounts)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)))
    .leftJoin(tenants, eq(tenants.id, accounts.tenantId))
    .where(and(eq(accounts.tenantId, sql.placeholder('tenantId')), eq(accounts.id, sql.placeholder('id'))))
    .prepare('yorisoi_acting_account'),
)

export interface SessionWithAccount {
  data: unknown
  expiresAt: Date
  /** The account of the session's columns, when the same statement could see it. */
  acting?: { tenantId: string; accountId: string; account: ActingAccount }
}

/**
 * A session's row by id and, in the same statement, the account it is signed in as: one round
 * trip instead of two on every signed-in request (on the embedded store each statement has a
 * fixed cost of its own). `acting` is absent when the session belongs to nobody, and also when
 * the account is not visible to this statement: the session is looked up before the request's
 * city is set, so on PostgreSQL a pooled connection still set to another city hides it (row-level
 * security); loadActor then reads it on its own, in the request's city.
 */
export async function findSessionWithAccount(db: Db, sid: string): Promise<SessionWithAccount | undefined> {
  const [row] = await sessionWithAccount(db).execute({ sid })
  if (!row) return undefined
  const { data, expiresAt, tenantId, sessionAccountId, ...fields } = row
  const account = actingOf(fields)
  if (!account || !tenantId || !sessionAccountId) return { data, expiresAt }
  return { data, expiresAt, acting: { tenantId, accountId: sessionAccountId, account } }
}

const sessionWithAccount = preparedPer((db) =>
  db
    .select({
      data: sessions.data,
      expiresAt: sessions.expiresAt,
      tenantId: sessions.tenantId,
      sessionAccountId: sessions.accountId,
      ...actingFields,
    })
    .from(sessions)
    .leftJoin(accounts, and(eq(accounts.tenantId, sessions.tenantId), eq(accounts.id, sessions.accountId)))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, accounts.tenantId), eq(orgUnits.id, accounts.unitId)))
    .leftJoin(tenants, eq(tenants.id, accounts.tenantId))
    .where(eq(sessions.sid, sql.placeholder('sid')))
    .prepare('yorisoi_session_with_account'),
)
