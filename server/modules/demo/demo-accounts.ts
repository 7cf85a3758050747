import { randomInt } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accounts, orgUnits } from '#server/db/schema/index.ts'
import { hashPassword } from '#server/platform/crypto.ts'
import type { Role } from '#shared/codes.ts'

interface DemoAccountSpec {
  loginId: string
  name: string
  role: Role
  unit: { kind: string; wardCode?: string; sectionCode?: string }
}

export const DEMO_AGENCY_NAME = 'NPO法人 みなと若者サポート（デモ）'

/** One account per role (two window counsellors), with invented staff names. */
export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  { loginId: 'demo-window1', name: '青木 はるか', role: 'window_counsellor', unit: { kind: 'window' } },
  { loginId: 'demo-window2', name: '石田 たけし', role: 'window_counsellor', unit: { kind: 'window' } },
  {
    loginId: 'demo-kita',
    name: '上野 さとみ',
    role: 'ward_coordinator',
    unit: { kind: 'ward_centre', wardCode: 'kita' },
  },
  {
    loginId: 'demo-sakyo',
    name: '江口 まさる',
    role: 'ward_coordinator',
    unit: { kind: 'ward_centre', wardCode: 'sakyo' },
  },
  {
    loginId: 'demo-kita-staff',
    name: '大野 ちひろ',
    role: 'ward_staff',
    unit: { kind: 'ward_section', wardCode: 'kita', sectionCode: 'shogai' },
  },
  {
    loginId: 'demo-yorisoi',
    name: '川口 ひかる',
    role: 'accompaniment_worker',
    unit: { kind: 'accompaniment_team' },
  },
  { loginId: 'demo-agency', name: '菊地 みのり', role: 'agency_member', unit: { kind: 'agency' } },
  { loginId: 'demo-hq', name: '工藤 ゆかり', role: 'headquarters', unit: { kind: 'headquarters' } },
  { loginId: 'demo-admin', name: '小山 ゆうじ', role: 'admin', unit: { kind: 'headquarters' } },
]

export interface DemoLogin {
  id: string
  loginId: string
  name: string
  role: Role
  wardCode: string | null
  password: string
}

async function findUnit(tx: Db, tenantId: string, spec: DemoAccountSpec['unit']) {
  const rows = await tx
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, spec.kind)))
  const unit = rows.find(
    (u) =>
      (spec.wardCode === undefined || u.wardCode === spec.wardCode) &&
      (spec.sectionCode === undefined || u.sectionCode === spec.sectionCode),
  )
  if (unit) return unit
  if (spec.kind !== 'agency') throw new Error(`demo: no unit ${spec.kind} ${spec.wardCode ?? ''}`)
  const [agency] = await tx
    .insert(orgUnits)
    .values({ tenantId, kind: 'agency', name: DEMO_AGENCY_NAME })
    .returning()
  return agency!
}

// Letters and digits that are hard to confuse when read off a terminal (no 0/O, 1/l/I).
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** 16 characters from 56: about 93 bits, well over the 12-character minimum. */
function demoPassword(): string {
  return Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
}

/**
 * Creates the demo accounts, or gives the existing ones a fresh password: passwords are never
 * stored in plain text, so the only way to show them at each start is to set new ones.
 */
export async function ensureDemoAccounts(db: Db, tenantId: string): Promise<DemoLogin[]> {
  const passwords = DEMO_ACCOUNTS.map(() => demoPassword())
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)))
  return db.transaction(async (tx) => {
    const logins: DemoLogin[] = []
    for (const [i, spec] of DEMO_ACCOUNTS.entries()) {
      const unit = await findUnit(tx, tenantId, spec.unit)
      const values = {
        passwordHash: hashes[i]!,
        active: true,
        failedAttempts: 0,
        lockedUntil: null,
        updatedAt: new Date(),
      }
      const [row] = await tx
        .insert(accounts)
        .values({
          tenantId,
          loginId: spec.loginId,
          name: spec.name,
          role: spec.role,
          unitId: unit.id,
          ...values,
        })
        .onConflictDoUpdate({ target: [accounts.tenantId, accounts.loginId], set: values })
        .returning({ id: accounts.id })
      logins.push({ ...spec, id: row!.id, wardCode: spec.unit.wardCode ?? null, password: passwords[i]! })
    }
    return logins
  })
}
