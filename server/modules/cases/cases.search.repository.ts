import { and, asc, count, desc, eq, gte, ilike, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cases } from '../../db/schema/index.ts'
import type { CaseScope } from './cases.policy.ts'
import { type CaseView, lastContactOn, scopeCondition, selectCaseViews } from './cases.repository.ts'
import { household8050 } from './household-8050.ts'

export interface CaseFilter {
  status?: string
  ageBand?: string
  ward?: string
  urgency?: string
  firstConsulter?: string
  staffId?: string
  openedFrom?: string
  openedTo?: string
  q?: string
  /** Only the cases in the 8050 situation. */
  flag8050?: boolean
  sort: 'openedOn' | 'caseNo' | 'lastContactOn' | 'urgency' | 'kana'
  order: 'asc' | 'desc'
  page: number
  pageSize: number
}

/** urgent > early > normal, so that "descending" puts the most pressing first. */
const urgencyRank = sql<number>`(case ${cases.urgency} when 'urgent' then 3 when 'early' then 2 else 1 end)`

const SORT_COLUMNS = {
  openedOn: cases.openedOn,
  caseNo: cases.caseNo,
  lastContactOn,
  urgency: urgencyRank,
  kana: cases.kana,
} as const

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

function filterConditions(f: CaseFilter): SQL[] {
  const conditions: SQL[] = []
  if (f.status) conditions.push(eq(cases.status, f.status))
  if (f.ageBand) conditions.push(eq(cases.ageBand, f.ageBand))
  if (f.ward) conditions.push(eq(cases.ward, f.ward))
  if (f.urgency) conditions.push(eq(cases.urgency, f.urgency))
  if (f.firstConsulter) conditions.push(eq(cases.firstConsulter, f.firstConsulter))
  if (f.staffId) conditions.push(eq(cases.staffId, f.staffId))
  if (f.openedFrom) conditions.push(gte(cases.openedOn, f.openedFrom))
  if (f.openedTo) conditions.push(lte(cases.openedOn, f.openedTo))
  if (f.flag8050) conditions.push(household8050)
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`
    conditions.push(or(ilike(cases.caseNo, like), ilike(cases.name, like), ilike(cases.kana, like))!)
  }
  return conditions
}

export async function findCaseSummaries(db: Db, tenantId: string, scope: CaseScope, f: CaseFilter) {
  const where = and(eq(cases.tenantId, tenantId), scopeCondition(scope), ...filterConditions(f))
  const column = SORT_COLUMNS[f.sort]
  const direction = f.order === 'asc' ? sql`asc` : sql`desc`
  // Missing values (no contact yet, no kana) go last either way; the case number keeps pages stable.
  const rows = await selectCaseViews(db)
    .where(where)
    .orderBy(sql`${column} ${direction} nulls last`, asc(cases.caseNo), asc(cases.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
  const [total] = await db.select({ n: count() }).from(cases).where(where)
  return { rows, total: total?.n ?? 0 }
}

const WORKLIST_LIMIT = 100

/**
 * Cases someone is working on: open ones, and for a ward also those handed over to it (a ward
 * cannot hand over, so a handed-over case in a ward's scope is one it received).
 */
function activeCondition(scope: CaseScope): SQL {
  return scope.kind === 'window' ? eq(cases.status, 'open') : inArray(cases.status, ['open', 'handed_over'])
}

export interface WorklistQuery {
  /** Cases whose last contact (or opening) is on or before this date have waited too long. */
  noContactSince: string
  weekStart: string
  today: string
  flag8050?: boolean
}

export async function findWorklist(
  db: Db,
  tenantId: string,
  scope: CaseScope,
  w: WorklistQuery,
): Promise<{ urgent: CaseView[]; noContact: CaseView[]; openedThisWeek: CaseView[] }> {
  const base = and(
    eq(cases.tenantId, tenantId),
    scopeCondition(scope),
    w.flag8050 ? household8050 : undefined,
  )
  const lastActivity = sql`coalesce(${lastContactOn}, ${cases.openedOn}::text)`
  const urgent = await selectCaseViews(db)
    .where(and(base, activeCondition(scope), inArray(cases.urgency, ['early', 'urgent'])))
    .orderBy(desc(urgencyRank), asc(cases.openedOn), asc(cases.caseNo))
    .limit(WORKLIST_LIMIT)
  const noContact = await selectCaseViews(db)
    .where(and(base, activeCondition(scope), sql`${lastActivity} <= ${w.noContactSince}`))
    .orderBy(asc(lastActivity), asc(cases.caseNo))
    .limit(WORKLIST_LIMIT)
  const openedThisWeek = await selectCaseViews(db)
    .where(and(base, gte(cases.openedOn, w.weekStart), lte(cases.openedOn, w.today)))
    .orderBy(desc(cases.openedOn), desc(cases.caseNo))
    .limit(WORKLIST_LIMIT)
  return { urgent, noContact, openedThisWeek }
}

export interface SimilarQuery {
  /** Already normalised: no whitespace at all. */
  name?: string
  /** Already normalised: hiragana, no whitespace. */
  kana?: string
  birthWardGender?: { birthYear: number; ward: string; gender: string }
  excludeId?: string
}

const KATAKANA = Array.from({ length: 0x30f6 - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x30a1 + i)).join(
  '',
)
const HIRAGANA = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, i) => String.fromCharCode(0x3041 + i)).join(
  '',
)

// The normalisation of similar-person.ts, done in SQL so that the search stays inside the scope.
const SPACES = '[[:space:]\u3000]+'
const bareName = sql`regexp_replace(coalesce(${cases.name}, ''), ${SPACES}, '', 'g')`
const bareKana = sql`regexp_replace(translate(coalesce(${cases.kana}, ''), ${KATAKANA}, ${HIRAGANA}), ${SPACES}, '', 'g')`

export async function findSimilar(db: Db, tenantId: string, scope: CaseScope, s: SimilarQuery) {
  const never = sql`false`
  const byName = s.name ? sql`${bareName} = ${s.name}` : never
  const byKana = s.kana ? sql`${bareKana} = ${s.kana}` : never
  const bwg = s.birthWardGender
  const byBirth = bwg
    ? and(eq(cases.birthYear, bwg.birthYear), eq(cases.ward, bwg.ward), eq(cases.gender, bwg.gender))!
    : never
  return db
    .select({
      row: cases,
      byName: sql<boolean>`${byName}`,
      byKana: sql<boolean>`${byKana}`,
      byBirth: sql<boolean>`coalesce(${byBirth}, false)`,
    })
    .from(cases)
    .where(
      and(
        eq(cases.tenantId, tenantId),
        scopeCondition(scope),
        s.excludeId ? ne(cases.id, s.excludeId) : undefined,
        or(byName, byKana, byBirth),
      ),
    )
    .orderBy(desc(cases.openedOn), asc(cases.caseNo))
    .limit(20)
}
