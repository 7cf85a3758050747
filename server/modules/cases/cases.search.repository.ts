import { and, asc, count, desc, eq, gte, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Db } from '#server/db/client.ts'
import { limitInText, runNamed } from '#server/db/prepared.ts'
import { caseSearchKeys } from '#server/db/schema/cases.ts'
import { casePersonPhones, cases } from '#server/db/schema/index.ts'
import { fold, queryKeys } from '#server/db/schema/search-keys.ts'
import type { CaseMatch } from '#shared/search-match.ts'
import type { CaseScope } from './cases.policy.ts'
import { type CaseView, lastContactOn, selectCaseViews } from './cases.repository.ts'
import { household8050 } from './household-8050.ts'
import { countCases } from './list-count.ts'
import { afterCursor, encodeCursor, type ListCursor } from './list-cursor.ts'
import { scopeCondition } from './scope-condition.ts'
import { foldQuery, SEARCH_CANDIDATES, searchHits } from './search-matches.ts'
import { searchTermsOf } from './search-terms.ts'

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
  /** relevance: the search's rank (without q, the opening date). */
  sort: 'relevance' | 'openedOn' | 'caseNo' | 'lastContactOn' | 'urgency' | 'kana'
  order: 'asc' | 'desc'
  page: number
  pageSize: number
  /** Keyset pagination (list-cursor.ts): the rows after this one; `page` is then ignored. */
  after?: ListCursor
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
  return conditions
}

/**
 * The case list. With `q`, only the cases the search finds (search-matches.ts), each with the
 * field it was found by; sorted by `relevance`, the best matches come first.
 */
export async function findCaseSummaries(
  db: Db,
  tenantId: string,
  scope: CaseScope,
  f: CaseFilter,
): Promise<{
  rows: (CaseView & { match: CaseMatch | null })[]
  total: number
  totalIsLowerBound: boolean
  totalIsEstimate: boolean
  nextCursor: string | null
}> {
  const where = and(eq(cases.tenantId, tenantId), scopeCondition(scope), ...filterConditions(f))
  const direction = f.order === 'asc' ? sql`asc` : sql`desc`
  const page = { limit: f.pageSize, offset: f.after ? 0 : (f.page - 1) * f.pageSize }
  // Missing values (no contact yet, no kana) go last either way; the case number keeps pages stable.
  const order = (sort: CaseFilter['sort']) =>
    sort === 'relevance'
      ? [desc(cases.openedOn), asc(cases.caseNo), asc(cases.id)]
      : [sql`${SORT_COLUMNS[sort]} ${direction} nulls last`, asc(cases.caseNo), asc(cases.id)]
  if (!f.q) {
    // The default order (opening date, newest first) is cases_list_idx's: the page is read from
    // the index, without sorting every case in scope.
    const sortKey = f.sort === 'relevance' ? cases.openedOn : SORT_COLUMNS[f.sort]
    const after = f.after
      ? afterCursor(sql`${sortKey}`, sql`${cases.caseNo}`, sql`${cases.id}`, f.after)
      : undefined
    const rows = await runNamed(
      selectCaseViews(db, { sortValue: sql<string | number | null>`${sortKey}` })
        .where(and(where, after))
        .orderBy(...order(f.sort))
        .limit(limitInText(page.limit + 1))
        .offset(page.offset),
    )
    const more = rows.length > page.limit
    const shown = more ? rows.slice(0, page.limit) : rows
    const last = shown.at(-1)
    const { total, estimated } = await countCases(db, where)
    return {
      rows: shown.map(({ sortValue: _s, ...r }) => ({ ...r, match: null })),
      total,
      totalIsLowerBound: false,
      totalIsEstimate: estimated,
      nextCursor:
        more && last
          ? encodeCursor({
              sort: f.sort,
              order: f.order,
              value: last.sortValue,
              caseNo: last.row.caseNo,
              id: last.row.id,
            })
          : null,
    }
  }
  const terms = searchTermsOf(f.q)
  // In relevance order the page is the first hits in that order: only those are joined to their cases.
  const top = f.sort === 'relevance' ? page.offset + page.limit : undefined
  const { candidates, hits } = searchHits(db, tenantId, terms, await foldQuery(db, terms.text), where, top)
  // Counted from the candidates (each index gave at most SEARCH_CANDIDATES + 1 of them): in the
  // same statement as the page, so the indexes are read once; alone only for an empty page.
  const counted = sql`(select count(distinct case_id) from search_candidates)`
  const cut = sql`(select coalesce(max(n), 0) > ${SEARCH_CANDIDATES}
    from (select count(*) as n from search_candidates group by branch) as b)`
  const joinHits = and(eq(cases.tenantId, tenantId), eq(cases.id, hits.caseId))
  const rows = await selectCaseViews(db.with(candidates, hits), {
    field: hits.field,
    relationship: hits.relationship,
    consulter: hits.consulter,
    searchTotal: sql<number>`${counted}::int`,
    searchCut: sql<boolean>`${cut}`,
  })
    .innerJoin(hits, joinHits)
    .where(where)
    .orderBy(...(f.sort === 'relevance' ? [desc(hits.rank)] : []), ...order(f.sort))
    .limit(page.limit)
    .offset(page.offset)
  const [found] = rows.length
    ? [{ n: rows[0]!.searchTotal, cut: rows[0]!.searchCut }]
    : await db
        .with(candidates)
        .select({ n: sql<number>`${counted}::int`, cut: sql<boolean>`${cut}` })
        .from(sql`(select 1) as one`)
  return {
    rows: rows.map(({ field, relationship, consulter, searchTotal: _t, searchCut: _c, ...view }) => ({
      ...view,
      match: { field, relationship: relationship as CaseMatch['relationship'], consulter },
    })),
    total: found?.n ?? 0,
    totalIsLowerBound: found?.cut ?? false,
    totalIsEstimate: false,
    nextCursor: null,
  }
}

const WORKLIST_LIMIT = 100

/**
 * Cases someone is working on: open ones, and for a ward also those handed over to it (a ward
 * cannot hand over, so a handed-over case in a ward's scope is one it received).
 */
export function activeCondition(scope: CaseScope): SQL {
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
  /** As typed: compared folded (search_fold), with the case's own name. */
  name?: string
  /** As typed: compared folded, with the case's own kana. */
  kana?: string
  /** The digits of a phone number: any consulter's or household member's number on the case. */
  phoneDigits?: string
  birthWardGender?: { birthYear: number; ward: string; gender: string }
  excludeId?: string
}

/**
 * Cases about possibly the same person, by the search's own folding (so 髙橋 and 高橋, カトウ and
 * かとう are the same), whole values only. The key condition lets the GIN index find the rows; the
 * equality decides.
 */
export async function findSimilar(db: Db, tenantId: string, scope: CaseScope, s: SimilarQuery) {
  const never = sql`false`
  const sameFolded = (column: AnyPgColumn, text: string) =>
    sql`(${caseSearchKeys(cases)} @> ${queryKeys(fold(text))} and ${column} = ${fold(text)})`
  const byName = s.name ? sameFolded(cases.nameFold, s.name) : never
  const byKana = s.kana ? sameFolded(cases.kanaFold, s.kana) : never
  const byPhone = s.phoneDigits
    ? sql`exists (select 1 from ${casePersonPhones} where ${casePersonPhones.tenantId} = ${cases.tenantId}
        and ${casePersonPhones.caseId} = ${cases.id} and ${casePersonPhones.digits} = ${s.phoneDigits})`
    : never
  const bwg = s.birthWardGender
  const byBirth = bwg
    ? and(eq(cases.birthYear, bwg.birthYear), eq(cases.ward, bwg.ward), eq(cases.gender, bwg.gender))!
    : never
  return db
    .select({
      row: cases,
      byName: sql<boolean>`coalesce(${byName}, false)`,
      byKana: sql<boolean>`coalesce(${byKana}, false)`,
      byPhone: sql<boolean>`${byPhone}`,
      byBirth: sql<boolean>`coalesce(${byBirth}, false)`,
    })
    .from(cases)
    .where(
      and(
        eq(cases.tenantId, tenantId),
        scopeCondition(scope),
        s.excludeId ? ne(cases.id, s.excludeId) : undefined,
        or(byName, byKana, byPhone, byBirth),
      ),
    )
    .orderBy(desc(cases.openedOn), asc(cases.caseNo))
    .limit(20)
}
