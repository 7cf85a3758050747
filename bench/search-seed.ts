// The search benchmark's city: SEARCH_CASES cases, each with one or two consulters (a mother, and
// every other case a father too) who have a phone number each and, one in three, a mail address.
// Seeded by INSERT … SELECT over generate_series, so 100,000 cases take seconds, not an import.
// Names come from small pools (some with variant kanji), so that common surnames have thousands
// of cases, as they would in a city: the search must rank and page those, not just find one row.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'

export const SEARCH_CASES = 100_000

const SURNAMES: [string, string][] = [
  ['佐藤', 'さとう'],
  ['鈴木', 'すずき'],
  ['高橋', 'たかはし'],
  ['髙橋', 'たかはし'],
  ['田中', 'たなか'],
  ['伊藤', 'いとう'],
  ['渡辺', 'わたなべ'],
  ['渡邊', 'わたなべ'],
  ['山本', 'やまもと'],
  ['中村', 'なかむら'],
  ['小林', 'こばやし'],
  ['加藤', 'かとう'],
  ['吉田', 'よしだ'],
  ['山田', 'やまだ'],
  ['佐々木', 'ささき'],
  ['山口', 'やまぐち'],
  ['松本', 'まつもと'],
  ['井上', 'いのうえ'],
  ['木村', 'きむら'],
  ['林', 'はやし'],
  ['斎藤', 'さいとう'],
  ['齋藤', 'さいとう'],
  ['清水', 'しみず'],
  ['山崎', 'やまざき'],
  ['山﨑', 'やまざき'],
  ['森', 'もり'],
  ['池田', 'いけだ'],
  ['橋本', 'はしもと'],
  ['阿部', 'あべ'],
  ['石川', 'いしかわ'],
  ['青木', 'あおき'],
  ['安藤', 'あんどう'],
  ['荒木', 'あらき'],
  ['浅野', 'あさの'],
  ['岡田', 'おかだ'],
  ['長谷川', 'はせがわ'],
  ['近藤', 'こんどう'],
  ['後藤', 'ごとう'],
  ['藤田', 'ふじた'],
  ['澤田', 'さわだ'],
]
const MEN: [string, string][] = [
  ['直樹', 'なおき'],
  ['大輔', 'だいすけ'],
  ['健太', 'けんた'],
  ['翔太', 'しょうた'],
  ['拓也', 'たくや'],
  ['誠', 'まこと'],
  ['浩', 'ひろし'],
  ['隆', 'たかし'],
  ['修', 'おさむ'],
  ['亮', 'りょう'],
  ['和也', 'かずや'],
  ['健一', 'けんいち'],
  ['一郎', 'いちろう'],
  ['勇', 'いさむ'],
  ['茂', 'しげる'],
]
const WOMEN: [string, string][] = [
  ['幸子', 'さちこ'],
  ['恵子', 'けいこ'],
  ['京子', 'きょうこ'],
  ['洋子', 'ようこ'],
  ['和子', 'かずこ'],
  ['裕子', 'ゆうこ'],
  ['直子', 'なおこ'],
  ['美穂', 'みほ'],
  ['花子', 'はなこ'],
  ['明美', 'あけみ'],
  ['真由美', 'まゆみ'],
  ['久美子', 'くみこ'],
]
const WARDS = ['kita', 'kamigyo', 'sakyo', 'nakagyo', 'higashiyama', 'shimogyo', 'minami', 'ukyo', 'fushimi']

/** The i-th case's case number: what the benchmark's case-number queries ask for. */
export const caseNoOf = (i: number) => `S${String(i).padStart(6, '0')}`
/** The mother's phone digits of case i (every case has one). */
export const motherDigitsOf = (i: number) => `075${String((i * 7919) % 10_000_000).padStart(7, '0')}`
/** The mother's mail address of case i, for i a multiple of 3. */
export const mailOf = (i: number) => `mother${i}@example.jp`

const text = (xs: string[]) =>
  sql`array[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`

/** Seeds the city `tenantId` (already made by ensureCity). */
export async function seedSearchCity(db: Db, tenantId: string, count = SEARCH_CASES): Promise<void> {
  const pools = sql`(select ${text(SURNAMES.map((s) => s[0]))} as sn, ${text(SURNAMES.map((s) => s[1]))} as sk,
      ${text(MEN.map((s) => s[0]))} as mn, ${text(MEN.map((s) => s[1]))} as mk,
      ${text(WOMEN.map((s) => s[0]))} as wn, ${text(WOMEN.map((s) => s[1]))} as wk,
      ${text(WARDS)} as wards) as p`
  const s = (i: SQL) => sql`(${i} * 31 + 7) % ${SURNAMES.length} + 1`
  // One case in ten has no name on record (the mother called about her son), one in five no kana.
  await db.execute(sql`
    insert into cases (tenant_id, case_no, opened_on, intake_unit, ward, age, age_band, first_consulter, name, kana, gender)
    select ${tenantId}, 'S' || lpad(i::text, 6, '0'), date '2019-04-01' + (i % 2400),
      case when i % 10 < 7 then 'window' else p.wards[i % ${WARDS.length} + 1] end,
      p.wards[(i / 7) % ${WARDS.length} + 1], 20 + i % 50,
      case when 20 + i % 50 >= 40 then '40plus' else 'under40' end, 'family',
      case when i % 10 = 0 then null else p.sn[${s(sql`i`)}] || ' ' || p.mn[i % ${MEN.length} + 1] end,
      case when i % 5 = 0 then null else p.sk[${s(sql`i`)}] || ' ' || p.mk[i % ${MEN.length} + 1] end,
      'male'
    from generate_series(1, ${count}) as i, ${pools}`)
  const caseNumber = sql`substr(c.case_no, 2)::int`
  await db.execute(sql`
    insert into case_people (tenant_id, case_id, person_no, relationship, consulter, name, kana, age, lives_with, mail)
    select c.tenant_id, c.id, 1, 'mother', true,
      p.sn[${s(caseNumber)}] || ' ' || p.wn[${caseNumber} % ${WOMEN.length} + 1],
      p.sk[${s(caseNumber)}] || ' ' || p.wk[${caseNumber} % ${WOMEN.length} + 1],
      60 + ${caseNumber} % 25, true,
      case when ${caseNumber} % 3 = 0 then 'mother' || ${caseNumber} || '@example.jp' end
    from cases c, ${pools}
    where c.tenant_id = ${tenantId}
    union all
    select c.tenant_id, c.id, 2, 'father', true,
      p.sn[${s(caseNumber)}] || ' ' || p.mn[(${caseNumber} / 3) % ${MEN.length} + 1],
      p.sk[${s(caseNumber)}] || ' ' || p.mk[(${caseNumber} / 3) % ${MEN.length} + 1],
      62 + ${caseNumber} % 25, true, null
    from cases c, ${pools}
    where c.tenant_id = ${tenantId} and ${caseNumber} % 2 = 0`)
  // The mother's number is a landline (075), the father's a mobile (090).
  await db.execute(sql`
    insert into case_person_phones (tenant_id, person_id, case_id, position, label, number, digits)
    select tenant_id, id, case_id, 0, label, substr(d, 1, 3) || '-' || substr(d, 4, 3) || '-' || substr(d, 7), d
    from (
      select p.tenant_id, p.id, p.case_id,
        case p.person_no when 1 then 'home' else 'mobile' end as label,
        case p.person_no
          when 1 then '075' || lpad(((substr(c.case_no, 2)::bigint * 7919) % 10000000)::text, 7, '0')
          else '090' || lpad(((substr(c.case_no, 2)::bigint * 104729) % 100000000)::text, 8, '0')
        end as d
      from case_people p join cases c on c.tenant_id = p.tenant_id and c.id = p.case_id
      where p.tenant_id = ${tenantId}
    ) as numbers`)
  await db.execute(sql`analyze cases`)
  await db.execute(sql`analyze case_people`)
  await db.execute(sql`analyze case_person_phones`)
}

type SQL = ReturnType<typeof sql>
