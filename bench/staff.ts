// Staff accounts for the benchmark's measurements: a window counsellor (case list, case detail,
// search) and headquarters (the city's report), each with a random password to sign in with and
// the Actor the services take when they are called directly.
import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accounts, orgUnits } from '#server/db/schema/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { hashPassword } from '#server/platform/crypto.ts'

export interface BenchStaff {
  loginId: string
  password: string
  actor: Actor
}

const ROLE_OF = { window: 'window_counsellor', headquarters: 'headquarters' } as const

/** A new account of `tenantId` in its unit of `kind` (the city must have one). */
export async function benchStaff(db: Db, tenantId: string, kind: keyof typeof ROLE_OF): Promise<BenchStaff> {
  const [unit] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, kind)))
    .limit(1)
  if (!unit) throw new Error(`the city has no ${kind} unit`)
  const password = randomBytes(18).toString('base64url')
  const loginId = `bench${randomBytes(3).toString('hex')}`
  const role = ROLE_OF[kind]
  const [account] = await db
    .insert(accounts)
    .values({
      tenantId,
      loginId,
      name: '計測用',
      role,
      unitId: unit.id,
      passwordHash: await hashPassword(password),
    })
    .returning()
  const actor: Actor = {
    tenantId,
    accountId: account!.id,
    loginId,
    name: account!.name,
    role,
    unitId: unit.id,
    unitKind: kind,
    unitName: unit.name,
    wardCode: null,
    cityName: '計測市',
    clientAddress: '127.0.0.1',
  }
  return { loginId, password, actor }
}
