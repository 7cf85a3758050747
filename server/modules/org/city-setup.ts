import { and, eq, isNull, ne } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accounts, accountTokens, orgUnits, tenants, wards } from '#server/db/schema/index.ts'
import { randomToken, sha256 } from '#server/platform/crypto.ts'
import { WARD_SECTIONS, WARDS } from '#shared/codes.ts'

export interface CityInfo {
  id: string
  name: string
}

/** Where a new city's organisation starts: the reference city's, or empty (headquarters only). */
export type StartFrom = 'reference' | 'empty'

/**
 * Creates a city. Every city has its headquarters unit (本市担当課), where its administrators
 * belong; `reference` adds the reference city's 14 wards, the window, the accompaniment team
 * and each ward centre with its four sections, which the city then renames or deactivates.
 * Idempotent: an existing city is left as it is (false).
 */
export async function createCity(db: Db, city: CityInfo, from: StartFrom): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(tenants).where(eq(tenants.id, city.id))
    if (existing) return false
    await tx.insert(tenants).values(city)
    await tx
      .insert(orgUnits)
      .values({ tenantId: city.id, kind: 'headquarters', name: '本市担当課', sortOrder: 1 })
    if (from === 'reference') await addReferenceOrganisation(tx, city.id)
    return true
  })
}

/** The reference city's organisation, for a city that has none yet. */
export async function addReferenceOrganisation(tx: Db, tenantId: string): Promise<void> {
  await tx
    .insert(wards)
    .values(WARDS.map((w, i) => ({ tenantId, code: w.code, name: w.label, sortOrder: i })))
  const units: (typeof orgUnits.$inferInsert)[] = [
    { tenantId, kind: 'window', name: '「よりそい・つなぐ」相談窓口', sortOrder: 0 },
    { tenantId, kind: 'accompaniment_team', name: 'よりそい支援員', sortOrder: 2 },
  ]
  WARDS.forEach((w, i) => {
    const office = w.label.endsWith('支所') ? w.label : `${w.label}役所`
    units.push({
      tenantId,
      kind: 'ward_centre',
      name: `${office} 保健福祉センター`,
      wardCode: w.code,
      sortOrder: 100 + i * 10,
    })
    WARD_SECTIONS.forEach((s, j) => {
      units.push({
        tenantId,
        kind: 'ward_section',
        name: `${office} ${s.label}`,
        wardCode: w.code,
        sectionCode: s.code,
        sortOrder: 100 + i * 10 + j + 1,
      })
    })
  })
  await tx.insert(orgUnits).values(units)
}

/** True while a city has only its headquarters: its first administrator chooses where to start. */
export async function organisationIsEmpty(db: Db, tenantId: string): Promise<boolean> {
  const [ward] = await db
    .select({ code: wards.code })
    .from(wards)
    .where(eq(wards.tenantId, tenantId))
    .limit(1)
  const [unit] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), ne(orgUnits.kind, 'headquarters')))
    .limit(1)
  return !ward && !unit
}

/** A city with the reference organisation (tests, the demo, the CLIs that need a city). */
export function ensureCity(db: Db, city: CityInfo): Promise<boolean> {
  return createCity(db, city, 'reference')
}

export const FIRST_ADMIN_LINK_HOURS = 72

/**
 * While a city has no administrator, issues a one-time link to create the first one (older
 * unused links are withdrawn: only the newest printed link works). Returns the token, or null
 * when an administrator exists. There is no default password anywhere.
 */
export async function issueFirstAdminLink(db: Db, tenantId: string, now: Date): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [admin] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.tenantId, tenantId), eq(accounts.role, 'admin')))
      .limit(1)
    if (admin) return null
    await tx
      .delete(accountTokens)
      .where(
        and(
          eq(accountTokens.tenantId, tenantId),
          eq(accountTokens.purpose, 'first_admin'),
          isNull(accountTokens.usedAt),
        ),
      )
    const token = randomToken()
    await tx.insert(accountTokens).values({
      tenantId,
      tokenHash: sha256(`${tenantId}:${token}`),
      accountId: null,
      purpose: 'first_admin',
      expiresAt: new Date(now.getTime() + FIRST_ADMIN_LINK_HOURS * 3_600_000),
    })
    return `${tenantId}.${token}`
  })
}
