import { type SQL, sql } from 'drizzle-orm'
import type { MatchField } from '../../../shared/search-match.ts'
import type { Db } from '../../db/client.ts'
import { caseSearchKeys } from '../../db/schema/cases.ts'
import { casePeople, casePersonPhones, cases } from '../../db/schema/index.ts'
import { personSearchKeys } from '../../db/schema/people.ts'
import { fold, queryKeys } from '../../db/schema/search-keys.ts'

/** What one search box's text is looked for as (search-terms.ts reads them from the text). */
export interface SearchTerms {
  /** As typed: folded in SQL (search_fold), the same function the stored fold columns use. */
  text: string
  /** The digits of a phone number, when the text is one (four digits or more). */
  digits?: string
  /** Only whole values match (the duplicate-person warning); otherwise prefixes and parts too. */
  exactOnly?: boolean
}

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

/**
 * A CTE of the cases the terms find, one row per case with its best match: (case_id, rank,
 * field, relationship, consulter). Rows come from the GIN indexes on the search keys (cases,
 * case_people) and the phone digits index, never from a scan; the caller joins `cases` with its
 * tenant and scope conditions, so nothing outside the scope is returned or counted.
 * relationship is null for the case's own name, kana and number.
 */
export function searchHits(db: Db, tenantId: string, terms: SearchTerms) {
  const q = fold(terms.text)
  const keys = queryKeys(q)
  /** The rank of a folded value against the query; null when it does not match. */
  const rankOf = (value: SQL, exactRank: SQL) =>
    terms.exactOnly
      ? sql`case when ${value} = ${q} then ${exactRank} end`
      : sql`case when ${value} = ${q} then ${exactRank}
          when starts_with(${value}, ${q}) then ${RANK.prefix}
          when strpos(${value}, ${q}) > 0 then ${RANK.part} end`

  const caseFields = sql`(values ('case_no', 1, ${fold(cases.caseNo)}, ${RANK.identifier}),
      ('name', 2, ${cases.nameFold}, ${RANK.exact}), ('kana', 3, ${cases.kanaFold}, ${RANK.exact}))
      as f(field, ord, value, exact_rank)`
  const personFields = sql`(values ('name', 4, ${casePeople.nameFold}), ('kana', 5, ${casePeople.kanaFold}),
      ('mail', 6, ${fold(casePeople.mail)})) as f(field, ord, value)`

  const byText = sql`
    select ${cases.id} as case_id, f.field, f.ord, null::text as relationship, null::boolean as consulter,
      ${rankOf(sql`f.value`, sql`f.exact_rank`)} as rank
    from ${cases} cross join lateral ${caseFields}
    where ${cases.tenantId} = ${tenantId} and ${q} <> '' and ${caseSearchKeys(cases)} @> ${keys}
    union all
    select ${casePeople.caseId}, f.field, f.ord, ${casePeople.relationship}, ${casePeople.consulter},
      ${rankOf(sql`f.value`, sql`${RANK.exact}`)}
    from ${casePeople} cross join lateral ${personFields}
    where ${casePeople.tenantId} = ${tenantId} and ${q} <> '' and ${personSearchKeys(casePeople)} @> ${keys}`

  const digits = terms.digits ?? ''
  const byPhone = terms.digits
    ? sql`
    union all
    select ${casePersonPhones.caseId}, 'phone', 7, ${casePeople.relationship}, ${casePeople.consulter},
      case when ${casePersonPhones.digits} = ${digits} then ${RANK.identifier} else ${RANK.prefix} end
    from ${casePersonPhones}
    join ${casePeople} on ${casePeople.tenantId} = ${casePersonPhones.tenantId}
      and ${casePeople.id} = ${casePersonPhones.personId}
    where ${casePersonPhones.tenantId} = ${tenantId}
      and ${terms.exactOnly ? sql`${casePersonPhones.digits} = ${digits}` : sql`${casePersonPhones.digits} like ${`${digits}%`}`}`
    : sql``

  return db
    .$with('search_hits', {
      caseId: sql<string>`case_id`.as('case_id'),
      rank: sql<number>`rank`.as('rank'),
      field: sql<MatchField>`field`.as('field'),
      relationship: sql<string | null>`relationship`.as('relationship'),
      consulter: sql<boolean | null>`consulter`.as('consulter'),
    })
    .as(
      sql`select distinct on (case_id) case_id, rank, field, relationship, consulter
        from (${byText}${byPhone}) as candidates
        where rank is not null
        order by case_id, rank desc, ord`,
    )
}
