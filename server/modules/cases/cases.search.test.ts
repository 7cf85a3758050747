import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, casePeople, casePersonPhones } from '#server/db/schema/index.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { handOver, openCase } from './test-support.ts'

// Finding people again (issue 9): one search box over the case's person, the people around
// them, their phone numbers and mail addresses, and the case number.

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const enc = encodeURIComponent

interface Found {
  id: string
  caseNo: string
  match: { field: string; relationship: string | null; consulter: boolean | null } | null
}
async function search(s: Session, q: string, extra = ''): Promise<{ items: Found[]; total: number }> {
  const res = await s.get(`/api/cases?q=${enc(q)}&pageSize=200${extra}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

/** Adds someone around a case, as the people module will (its API is not there yet). */
async function addPerson(
  city: TestCity,
  caseId: string,
  p: {
    personNo: number
    relationship: string
    consulter?: boolean
    name?: string
    kana?: string
    mail?: string
  },
  phones: string[] = [],
) {
  const [row] = await ctx.db
    .insert(casePeople)
    .values({ tenantId: city.tenantId, caseId, ...p })
    .returning({ id: casePeople.id })
  let position = 0
  for (const number of phones) {
    await ctx.db.insert(casePersonPhones).values({
      tenantId: city.tenantId,
      personId: row!.id,
      caseId,
      position: position++,
      number,
      digits: number.normalize('NFKC').replace(/\D/g, ''),
    })
  }
}

/**
 * Every folding rule, as a query and the name or kana it must (or must not) find. Each row gets
 * a case of its own, so that a row's verdict is about its own pair only.
 */
const PAIRS: { q: string; name?: string; kana?: string; finds: boolean; rule: string }[] = [
  { rule: 'katakana query, hiragana kana', q: 'カトウ', kana: 'かとう なおき', finds: true },
  { rule: 'hiragana query, katakana kana', q: 'かとう', kana: 'カトウ ナオキ', finds: true },
  { rule: 'whole kana without the space', q: 'かとうなおき', kana: 'かとう なおき', finds: true },
  { rule: 'kanji without the space', q: '加藤直樹', name: '加藤 直樹', finds: true },
  { rule: 'full-width space stored', q: '加藤直樹', name: '加藤　直樹', finds: true },
  { rule: 'space in the query', q: '加藤　直樹', name: '加藤直樹', finds: true },
  { rule: 'half-width katakana', q: 'ｶﾄｳ ﾅｵｷ', kana: 'かとう なおき', finds: true },
  { rule: 'half-width voiced marks', q: 'ｺﾞﾄｳ', kana: 'ごとう', finds: true },
  { rule: 'one katakana character', q: 'ア', kana: 'あおき', finds: true },
  { rule: 'one hiragana character, katakana stored', q: 'あ', kana: 'アオキ', finds: true },
  { rule: 'full-width latin, any case', q: 'ＳＭＩＴＨ', name: 'Smith Anna', finds: true },
  { rule: 'long vowel mark ignored', q: 'じょんず', kana: 'ジョーンズ', finds: true },
  { rule: 'half-width long vowel mark', q: 'ｼﾞｮｰﾝｽﾞ', kana: 'じょんず', finds: true },
  { rule: 'middle dot ignored', q: 'ジョンスミス', kana: 'ジョン・スミス', finds: true },
  { rule: 'zero-width space ignored', q: '加藤\u200b直樹', name: '加藤 直樹', finds: true },
  { rule: '髙/高', q: '高橋', name: '髙橋 一郎', finds: true },
  { rule: '髙/高 reversed', q: '髙橋', name: '高橋 一郎', finds: true },
  { rule: '﨑/崎', q: '山崎', name: '山﨑 花子', finds: true },
  { rule: '邊/辺', q: '渡辺', name: '渡邊 太郎', finds: true },
  { rule: '邉/邊', q: '渡邉', name: '渡邊 太郎', finds: true },
  { rule: '齋/斎', q: '斎藤', name: '齋藤 健', finds: true },
  { rule: '斉/齊', q: '斉藤', name: '齊藤 健', finds: true },
  { rule: '澤/沢', q: '沢田', name: '澤田 実', finds: true },
  { rule: '濱/浜', q: '長浜', name: '長濱 光', finds: true },
  { rule: '德/徳', q: '徳永', name: '德永 誠', finds: true },
  { rule: '廣/広', q: '広田', name: '廣田 修', finds: true },
  { rule: '國/国', q: '国分', name: '國分 勇', finds: true },
  { rule: '實/実', q: '実', name: '岡田 實', finds: true },
  { rule: '眞/真', q: '真鍋', name: '眞鍋 蘭', finds: true },
  { rule: '藏/蔵', q: '蔵本', name: '藏本 修', finds: true },
  { rule: '櫻/桜', q: '桜井', name: '櫻井 翔', finds: true },
  { rule: '龍/竜', q: '竜野', name: '龍野 茂', finds: true },
  { rule: '嶋/島', q: '島田', name: '嶋田 透', finds: true },
  { rule: '籠/篭', q: '篭谷', name: '籠谷 進', finds: true },
  { rule: 'iteration mark 々', q: '佐々木', name: '佐々木 健', finds: true },
  { rule: 'a repeated kana', q: 'ササキ', kana: 'ささき けん', finds: true },
  { rule: 'a one-kanji given name after a space', q: '渡辺 亮', name: '渡辺 亮', finds: true },
  { rule: 'kana with a space, katakana query', q: 'ワタナベ リョウ', kana: 'わたなべ りょう', finds: true },
  { rule: 'a prefix', q: 'やまも', kana: 'やまもと けい', finds: true },
  { rule: 'a part', q: 'もとけ', kana: 'やまもと けい', finds: true },
  { rule: 'one kanji inside', q: '藤', name: '近藤 恵', finds: true },
  { rule: 'voiced marks are not folded', q: 'かどう', kana: 'かとう まさる', finds: false },
  { rule: 'small kana are not folded', q: 'きよう', kana: 'きょうこ', finds: false },
  { rule: '斉 is not 佐', q: '佐藤', name: '斉藤 進', finds: false },
  { rule: 'a different variant pair', q: '高田', name: '髙橋 進', finds: false },
  { rule: 'a different given name', q: 'かとうなおこ', kana: 'かとう なおき', finds: false },
  { rule: 'kanji and kana mixed', q: '加藤なおき', name: '加藤 直樹', kana: 'かとう なおき', finds: false },
  { rule: 'a character it lacks', q: 'ア', kana: 'かとう', finds: false },
]

describe('the search box: folding rules', () => {
  let city: TestCity
  let window: Session
  const ids: string[] = []
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
    for (const p of PAIRS)
      ids.push((await openCase(window, { name: p.name ?? null, kana: p.kana ?? null })).id)
  })

  it.each(PAIRS.map((p, i) => ({ ...p, i })))('$rule: $q → $name $kana: $finds', async ({ q, finds, i }) => {
    const found = (await search(window, q)).items.map((c) => c.id)
    expect(found.includes(ids[i]!)).toBe(finds)
  })

  it('finds the same cases for ア as for あ', async () => {
    const a = (await search(window, 'あ')).items.map((c) => c.id).sort()
    expect(a.length).toBe(2)
    expect((await search(window, 'ア')).items.map((c) => c.id).sort()).toEqual(a)
    expect((await search(window, 'ｱ')).items.map((c) => c.id).sort()).toEqual(a)
  })

  it('finds nothing for text that folds to nothing', async () => {
    expect((await search(window, 'ー・')).total).toBe(0)
  })
})

describe('the search box: people around the case, phones, mail and case numbers', () => {
  let city: TestCity
  let window: Session
  let caseA: { id: string; caseNo: string }
  let caseB: { id: string; caseNo: string }
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
    // The person's name is not known: the mother called.
    caseA = await openCase(window, { name: null, kana: null, age: 45 })
    await addPerson(
      city,
      caseA.id,
      {
        personNo: 1,
        relationship: 'mother',
        name: '加藤 幸子',
        kana: 'かとう さちこ',
        mail: 'Sachiko.K@Example.jp',
      },
      ['075-123-4567', '090-1111-2222'],
    )
    await addPerson(city, caseA.id, {
      personNo: 2,
      relationship: 'father',
      consulter: false,
      kana: 'かとう まこと',
    })
    caseB = await openCase(window, { name: '佐藤 次郎', kana: 'さとう じろう' })
  })

  it.each([
    '075-123-4567',
    '０７５（１２３）４５６７',
    '0751234567',
    '075 123 4567',
    '(075)123-4567',
    '075ー123ー4567',
  ])('finds a consulter by phone number typed as %s', async (q) => {
    const { items } = await search(window, q)
    expect(items.map((c) => c.id)).toEqual([caseA.id])
    expect(items[0]!.match).toEqual({ field: 'phone', relationship: 'mother', consulter: true })
  })

  it('finds by the first digits of a number, not by another number', async () => {
    expect((await search(window, '090-1111')).items.map((c) => c.id)).toEqual([caseA.id])
    expect((await search(window, '075-123-4568')).total).toBe(0)
  })

  it('finds by a consulter’s or household member’s name and kana, saying whose field it was', async () => {
    const byName = (await search(window, 'カトウサチコ')).items
    expect(byName.map((c) => c.id)).toEqual([caseA.id])
    expect(byName[0]!.match).toEqual({ field: 'kana', relationship: 'mother', consulter: true })
    const byKanji = (await search(window, '加藤幸子')).items
    expect(byKanji[0]!.match).toEqual({ field: 'name', relationship: 'mother', consulter: true })
    const member = (await search(window, 'まこと')).items
    expect(member.map((c) => c.id)).toEqual([caseA.id])
    expect(member[0]!.match).toEqual({ field: 'kana', relationship: 'father', consulter: false })
  })

  it('finds by mail address in any case and width', async () => {
    for (const q of ['sachiko.k@example.jp', 'ＳＡＣＨＩＫＯ.Ｋ', 'example.jp']) {
      const { items } = await search(window, q)
      expect(
        items.map((c) => c.id),
        q,
      ).toEqual([caseA.id])
      expect(items[0]!.match!.field).toBe('mail')
    }
  })

  it('finds by case number, whole or in part, and says so', async () => {
    const { items } = await search(window, caseB.caseNo)
    expect(items[0]!.id).toBe(caseB.id)
    expect(items[0]!.match).toEqual({ field: 'case_no', relationship: null, consulter: null })
    const part = caseB.caseNo.slice(-3)
    expect((await search(window, part)).items.map((c) => c.id)).toContain(caseB.id)
  })

  it('shows the person’s own field as the match when it was theirs', async () => {
    const { items } = await search(window, 'さとう')
    expect(items.map((c) => c.id)).toEqual([caseB.id])
    expect(items[0]!.match).toEqual({ field: 'kana', relationship: null, consulter: null })
  })

  it('leaves the match out of a list without a search', async () => {
    const { items } = (await window.get('/api/cases')).json() as { items: Found[] }
    expect(items.length).toBe(2)
    expect(items.every((c) => c.match === null)).toBe(true)
  })
})

describe('the search box: ranking', () => {
  let city: TestCity
  let window: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
  })

  it('ranks a case number or phone exactly first, then exact, prefix and part matches', async () => {
    // Opened oldest first, so that the ranking, not the default newest-first order, decides.
    const part = await openCase(window, { openedOn: '2026-11-01', name: null, kana: 'いしもと' })
    const prefix = await openCase(window, { openedOn: '2026-11-02', name: null, kana: 'もとやま' })
    const exact = await openCase(window, { openedOn: '2026-11-03', name: null, kana: 'もと' })
    const phone = await openCase(window, { openedOn: '2026-10-01', name: null, kana: null })
    await addPerson(city, phone.id, { personNo: 1, relationship: 'sibling', kana: 'もとき' }, [
      '0120-000-111',
    ])
    const newest = await openCase(window, { openedOn: '2026-11-20', name: null, kana: 'ほかの もと' })
    const ids = (await search(window, 'もと')).items.map((c) => c.id)
    expect(ids).toEqual([exact.id, prefix.id, phone.id, newest.id, part.id])
    expect((await search(window, '0120000111')).items[0]!.id).toBe(phone.id)
    // An explicit sort still wins over the ranking.
    const byDate = (await search(window, 'もと', '&sort=openedOn&order=desc')).items.map((c) => c.id)
    expect(byDate).toEqual([newest.id, exact.id, prefix.id, part.id, phone.id])
  })
})

describe('the search box: scope and audit', () => {
  let city: TestCity
  let window: Session
  let kita: Session
  let sakyo: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
    kita = await city.as('ward_coordinator', { ward: 'kita' })
    sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })
  })

  it('finds nothing by phone number, name or mail outside the caller’s scope', async () => {
    const atWindow = await openCase(window, { name: '範囲 一郎', kana: 'はんい いちろう' })
    await addPerson(city, atWindow.id, { personNo: 1, relationship: 'mother', mail: 'scope@example.jp' }, [
      '075-999-0001',
    ])
    const atSakyo = await openCase(sakyo, { name: '範囲 二郎', kana: 'はんい じろう' })
    await addPerson(city, atSakyo.id, { personNo: 1, relationship: 'mother' }, ['075-999-0002'])
    for (const q of ['０７５（９９９）０００１', '075-999-0002', 'はんい', 'scope@example.jp']) {
      expect((await search(kita, q)).total, q).toBe(0)
    }
    expect((await search(window, '075-999-0001')).items.map((c) => c.id)).toEqual([atWindow.id])
    expect((await search(window, '075-999-0002')).total).toBe(0)
    expect((await search(sakyo, '075-999-0002')).items.map((c) => c.id)).toEqual([atSakyo.id])
    expect((await search(sakyo, '075-999-0001')).total).toBe(0)
    // Handed over, the window's case is the ward's to find too.
    await handOver(window, atWindow.id, atWindow.version)
    expect((await search(sakyo, '075-999-0001')).items.map((c) => c.id)).toEqual([atWindow.id])
    expect((await search(kita, '075-999-0001')).total).toBe(0)
  })

  it('audits a search as a list read, naming the filter but never the text searched for', async () => {
    const c = await openCase(window, { name: '監査 花子', kana: 'かんさ はなこ' })
    await addPerson(city, c.id, { personNo: 1, relationship: 'mother' }, ['06-6000-1234'])
    await search(window, '０６（６０００）１２３４')
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'case.list')))
    expect(rows.at(-1)!.detail).toEqual({ filters: ['q'], count: 1 })
    expect(JSON.stringify(rows)).not.toMatch(/6000|６０００|監査|かんさ/)
  })

  // A lone surrogate cannot travel in a URL's UTF-8; server/test/bad-bytes.test.ts covers the rest.
  it('refuses control characters in the query with a field message', async () => {
    for (const bad of ['加藤\u0000', 'かとう\u0007']) {
      const res = await window.get(`/api/cases?q=${enc(bad)}`)
      expect(res.statusCode).toBe(400)
      expect(JSON.stringify(res.json())).toMatch(/"q"/)
    }
  })
})

describe('the duplicate-person warning at intake', () => {
  let city: TestCity
  let window: Session
  let kita: Session
  let existing: { id: string }
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
    kita = await city.as('ward_coordinator', { ward: 'kita' })
    existing = await openCase(window, {
      name: '髙橋 﨑子',
      kana: 'タカハシ サキコ',
      birthYear: null,
      age: null,
    })
    await addPerson(city, existing.id, { personNo: 1, relationship: 'mother' }, ['075-123-4567'])
  })

  const similar = async (s: Session, query: string) => {
    const res = await s.get(`/api/cases/similar?${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as { id: string; matchedOn: string[] }[]
  }

  it('matches names and kana folded as the search does, whole values only', async () => {
    expect(await similar(window, `name=${enc('高橋崎子')}`)).toEqual([
      expect.objectContaining({ id: existing.id, matchedOn: ['name'] }),
    ])
    expect(await similar(window, `kana=${enc('ﾀｶﾊｼｻｷｺ')}`)).toEqual([
      expect.objectContaining({ id: existing.id, matchedOn: ['kana'] }),
    ])
    expect(await similar(window, `name=${enc('高橋')}`)).toEqual([])
  })

  it('matches a consulter’s phone number in any formatting', async () => {
    expect(await similar(window, `phone=${enc('０７５（１２３）４５６７')}`)).toEqual([
      expect.objectContaining({ id: existing.id, matchedOn: ['phone'] }),
    ])
    expect(await similar(window, `phone=${enc('075-123-4568')}`)).toEqual([])
    expect(await similar(window, `phone=${enc('075')}`)).toEqual([])
  })

  it('stays inside the scope', async () => {
    expect(await similar(kita, `phone=${enc('0751234567')}&name=${enc('高橋崎子')}`)).toEqual([])
  })

  it('audits the check with its count only', async () => {
    await similar(window, `phone=${enc('075-123-4567')}`)
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'case.similar_search')))
    expect(rows.at(-1)!.detail).toEqual({ count: 1 })
    expect(JSON.stringify(rows)).not.toMatch(/4567|髙橋|高橋/)
  })
})

describe('the search box: a query that finds too many cases', () => {
  it('ranks at most 500 of them and says that there are more', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    // 520 cases named 森 at the window, written at once (as bench/search-seed.ts does).
    await ctx.db.execute(sql`
      insert into cases (tenant_id, case_no, opened_on, intake_unit, age_band, first_consulter, name, kana, gender)
      select ${city.tenantId}, 'M' || lpad(i::text, 5, '0'), date '2026-01-01' + i, 'window', '40plus', 'family',
        '森 ' || i, 'もり ' || i, 'male'
      from generate_series(1, 520) as i`)
    const many = await window.get(`/api/cases?q=${enc('森')}&pageSize=100`)
    expect(many.statusCode, many.body).toBe(200)
    const body = many.json() as { items: Found[]; total: number; totalIsLowerBound: boolean }
    expect(body.totalIsLowerBound).toBe(true)
    expect(body.total).toBeGreaterThanOrEqual(500)
    expect(body.total).toBeLessThan(520)
    expect(body.items.length).toBe(100)
    expect(body.items.every((c) => c.match?.field === 'name')).toBe(true)
    // Fewer than that: the whole count, not a lower bound.
    const few = (await window.get(`/api/cases?q=${enc('森 51')}`)).json() as {
      total: number
      totalIsLowerBound: boolean
    }
    expect(few).toMatchObject({ total: 11, totalIsLowerBound: false })
  })
})

describe('the search box: each case by its best field, from the stored folds', () => {
  let city: TestCity
  let window: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
  })

  it('shows the best field of the case and its people when both match, whoever found it', async () => {
    // The case's own kana holds the query in part; the mother's kana is the query exactly.
    const c = await openCase(window, { name: '小林 亮', kana: 'こばやし りょう' })
    await addPerson(city, c.id, { personNo: 1, relationship: 'mother', kana: 'はやし' })
    const exact = (await search(window, 'ハヤシ')).items
    expect(exact.map((x) => x.id)).toEqual([c.id])
    expect(exact[0]!.match).toEqual({ field: 'kana', relationship: 'mother', consulter: true })
    // Both hold it as a prefix: the person's own field comes first.
    await addPerson(city, c.id, { personNo: 2, relationship: 'father', kana: 'こばやし ひろし' })
    const both = (await search(window, 'こばやし')).items.find((x) => x.id === c.id)
    expect(both?.match).toEqual({ field: 'kana', relationship: null, consulter: null })
  })

  it('pages a search in relevance order as the whole list orders it', async () => {
    // Exact, prefix and part matches, some opened on the same day, some found by a consulter.
    const kana = ['もりた', 'もりた けん', 'こもりた', 'もりた', 'おおもりた まこと', 'もりたに']
    for (const [i, k] of kana.entries()) {
      const c = await openCase(window, { name: null, kana: k, openedOn: `2026-0${(i % 3) + 1}-10` })
      if (i % 2) await addPerson(city, c.id, { personNo: 1, relationship: 'mother', kana: 'もりた' })
    }
    const whole = (await search(window, 'モリタ')).items.map((c) => c.id)
    expect(whole.length).toBe(kana.length)
    const paged: string[] = []
    for (const page of [1, 2, 3, 4]) {
      const res = await window.get(`/api/cases?q=${enc('モリタ')}&pageSize=2&page=${page}`)
      expect(res.statusCode, res.body).toBe(200)
      const body = res.json() as { items: Found[]; total: number }
      expect(body.total).toBe(kana.length)
      paged.push(...body.items.map((c) => c.id))
    }
    expect(paged).toEqual(whole)
  })

  it('finds a changed mail address by its new value only (the stored fold follows the change)', async () => {
    const c = await openCase(window, { name: null, kana: null, age: 50 })
    await addPerson(city, c.id, { personNo: 1, relationship: 'mother', mail: 'old.one@example.jp' })
    expect((await search(window, 'OLD.ONE')).items.map((x) => x.id)).toEqual([c.id])
    await ctx.db
      .update(casePeople)
      .set({ mail: 'Ｎｅｗ.Ｏｎｅ@example.jp' })
      .where(and(eq(casePeople.tenantId, city.tenantId), eq(casePeople.caseId, c.id)))
    expect((await search(window, 'old.one')).total).toBe(0)
    const found = (await search(window, 'new.one@')).items
    expect(found.map((x) => x.id)).toEqual([c.id])
    expect(found[0]!.match).toEqual({ field: 'mail', relationship: 'mother', consulter: true })
  })

  it('keeps the search indexes’ pending lists short, so that no search reads megabytes of them', async () => {
    const rows = await ctx.db.execute(sql`select relname, reloptions from pg_class
      where relname in ('cases_search_idx', 'case_people_search_idx') order by relname`)
    const options = (rows as unknown as { rows: { relname: string; reloptions: string[] }[] }).rows
    expect(options).toEqual([
      { relname: 'case_people_search_idx', reloptions: ['gin_pending_list_limit=128'] },
      { relname: 'cases_search_idx', reloptions: ['gin_pending_list_limit=128'] },
    ])
  })
})
