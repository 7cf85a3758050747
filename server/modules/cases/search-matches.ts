import { type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Db } from '#server/db/client.ts'
import { caseSearchKeys } from '#server/db/schema/cases.ts'
import { casePeople, casePersonPhones, cases } from '#server/db/schema/index.ts'
import { personSearchKeys } from '#server/db/schema/people.ts'
import { fold, queryKeys } from '#server/db/schema/search-keys.ts'
import type { MatchField } from '#shared/search-match.ts'

/** What one search box's text is looked for as (search-terms.ts reads them from the text). */
export interface SearchTerms {
  /** As typed: folded in SQL (foldQuery: search_fold, the function the stored fold columns use). */
  text: string
  /** The digits of a phone number, when the text is one (four digits or more). */
  digits?: string
  /** Only whole values match (the duplicate-person warning); otherwise prefixes and parts too. */
  exactOnly?: boolean
}

/**
 * At most this many cases are ranked for one search. A query of one or two characters finds tens
 * of thousands of cases in a city of 100,000; ranking, sorting and counting all of them took
 * seconds, and nobody reads past the first pages of such a list: past this many, the list says
 * "500件以上" (totalIsLowerBound) and asks for a longer query instead.
 */
export const SEARCH_CANDIDATES = 500

/**
 * Ranks: an exact case number or phone number first, then an exact name, kana or mail address,
 * then a value that starts with the query, then one that contains it. Within a rank the person's
 * own fields come before the people around them (`ord`), so the field shown is stable.
 */
const RANK = {
  identifier: sql.raw('9'),
  exact: sql.raw('6'),
  prefix: sql.raw('4'),
  part: sql.raw('2'),
} as const

const candidateColumns = {
  caseId: sql<string>`case_id`.as('case_id'),
  branch: sql<number>`branch`.as('branch'),
}

/**
 * Folds the search text once, in SQL (the one definition of the fold), before the search runs.
 * The search then compares a plain text parameter: folding the query inside it repeated the
 * fold's inlined expression in a dozen places, and planning those took longer (5–20 ms at
 * 100,000 cases) than a phone number's or a case number's search itself.
 */
export async function foldQuery(db: Db, text: string): Promise<string> {
  const [row] = await db.select({ folded: sql<string | null>`${fold(text)}` }).from(sql`(select 1) as one`)
  return row?.folded ?? ''
}

/**
 * Two CTEs for the case list (cases.search.repository.ts):
 * - `search_candidates`: the cases the terms find within `where` (tenant, scope, filters), found
 *   by the GIN indexes on the search keys (cases, case_people) and the phone digits index, never by
 *   a scan; each index gives at most SEARCH_CANDIDATES + 1 rows (`branch` says which, so that the
 *   caller can tell whether the count was cut).
 * - `search_hits`: one row per candidate with its best match: (case_id, rank, field,
 *   relationship, consulter); relationship is null for the case's own name, kana and number.
 * A query that is a phone number (search-terms.ts) is not looked for in names, kana or mail:
 * only in phone numbers and case numbers.
 * `folded`: the text as foldQuery folded it. `top`: see search_hits below (relevance order only).
 */
export function searchHits(
  db: Db,
  tenantId: string,
  terms: SearchTerms,
  folded: string,
  where: SQL | undefined,
  top?: number,
) {
  const q = sql`${folded}::text`
  const keys = queryKeys(q)
  const phoneOnly = terms.digits !== undefined
  const cap = sql.raw(String(SEARCH_CANDIDATES + 1))
  const digits = terms.digits ?? ''
  const phoneMatch = terms.exactOnly
    ? sql`${casePersonPhones.digits} = ${digits}`
    : sql`${casePersonPhones.digits} like ${`${digits}%`}`
  const caseOf = (caseId: SQL | AnyPgColumn) =>
    sql`join ${cases} on ${cases.tenantId} = ${tenantId} and ${cases.id} = ${caseId}`
  const whereCase = where ? sql` and ${where}` : sql``
  // The index keys narrow the rows down; this decides (pairs can be there without the whole).
  const holds = (values: (SQL | AnyPgColumn)[]) =>
    sql`(${sql.join(
      values.map((v) => (terms.exactOnly ? sql`${v} = ${q}` : sql`strpos(${v}, ${q}) > 0`)),
      sql` or `,
    )})`

  /** The rank of a folded value against the query; null when it does not match. */
  const rankOf = (value: SQL, exactRank: SQL) =>
    terms.exactOnly
      ? sql`case when ${value} = ${q} then ${exactRank} end`
      : sql`case when ${value} = ${q} then ${exactRank}
          when starts_with(${value}, ${q}) then ${RANK.prefix}
          when strpos(${value}, ${q}) > 0 then ${RANK.part} end`
  /** The best of a row's fields (field, ord, value, exact_rank): its rank, field and ord. */
  const best = (fields: SQL) => sql`cross join lateral (select f.field, f.ord,
      ${rankOf(sql`f.value`, sql`f.exact_rank`)} as rank
    from (values ${fields}) as f(field, ord, value, exact_rank) order by 3 desc nulls last, 2 limit 1) as b`
  const caseFields = sql`('case_no', 1, ${cases.caseNoFold}, ${RANK.identifier}),
      ('name', 2, ${cases.nameFold}, ${RANK.exact}), ('kana', 3, ${cases.kanaFold}, ${RANK.exact})`
  const personFields = sql`('name', 4, ${casePeople.nameFold}, ${RANK.exact}),
      ('kana', 5, ${casePeople.kanaFold}, ${RANK.exact}), ('mail', 6, ${casePeople.mailFold}, ${RANK.exact})`

  // Each row found is ranked where it is found, by its own fields: ranking the candidates
  // afterwards read every candidate case and person a second time (half of a kana search's time).
  const byText = sql`(select ${cases.id} as case_id, 1 as branch, b.rank, b.field, b.ord,
        null::text as relationship, null::boolean as consulter, ${cases.openedOn} as opened_on,
        ${cases.caseNo} as case_no
      from ${cases} ${best(caseFields)}
      where ${cases.tenantId} = ${tenantId} and ${q} <> '' and ${caseSearchKeys(cases)} @> ${keys}
        and ${holds([cases.nameFold, cases.kanaFold, cases.caseNoFold])}${whereCase}
      limit ${cap})`
  const byPerson = phoneOnly
    ? sql``
    : sql` union all (select ${casePeople.caseId}, 2, b.rank, b.field, b.ord,
        ${casePeople.relationship}, ${casePeople.consulter}, ${cases.openedOn}, ${cases.caseNo}
      from ${casePeople} ${caseOf(casePeople.caseId)} ${best(personFields)}
      where ${casePeople.tenantId} = ${tenantId} and ${q} <> '' and ${personSearchKeys(casePeople)} @> ${keys}
        and ${holds([casePeople.nameFold, casePeople.kanaFold, casePeople.mailFold])}${whereCase}
      limit ${cap})`
  const byPhone = phoneOnly
    ? sql` union all (select ${casePersonPhones.caseId}, 3,
        case when ${casePersonPhones.digits} = ${digits} then ${RANK.identifier} else ${RANK.prefix} end,
        'phone', 7, ${casePeople.relationship}, ${casePeople.consulter}, ${cases.openedOn}, ${cases.caseNo}
      from ${casePersonPhones} ${caseOf(casePersonPhones.caseId)}
      join ${casePeople} on ${casePeople.tenantId} = ${casePersonPhones.tenantId}
        and ${casePeople.id} = ${casePersonPhones.personId}
      where ${casePersonPhones.tenantId} = ${tenantId} and ${phoneMatch}${whereCase}
      limit ${cap})`
    : sql``
  const candidates = db.$with('search_candidates', candidateColumns).as(sql`${byText}${byPerson}${byPhone}`)

  const hits = db
    .$with('search_hits', {
      caseId: sql<string>`case_id`.as('case_id'),
      rank: sql<number>`rank`.as('rank'),
      field: sql<MatchField>`field`.as('field'),
      relationship: sql<string | null>`relationship`.as('relationship'),
      consulter: sql<boolean | null>`consulter`.as('consulter'),
    })
    .as(
      // Each case once, by its best match, however many rows and indexes found it. With `top`,
      // only the first that many in the list's relevance order (rank, then as the list orders):
      // the list then reads the cases of one page instead of every candidate's.
      sql`select case_id, rank, field, relationship, consulter from (
          select distinct on (case_id) case_id, rank, field, relationship, consulter, opened_on, case_no
          from search_candidates
          order by case_id, rank desc, ord) as best
        ${top === undefined ? sql`` : sql`order by rank desc, opened_on desc, case_no, case_id limit ${top}`}`,
    )
  return { candidates, hits }
}
