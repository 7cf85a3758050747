// A synthetic city ledger for the benchmark, written as interchange CSV files (cases, contacts,
// meetings, reviews) the way a city keeps them: Japanese headers, labels and codes mixed,
// 西暦 and 和暦 dates. Deterministic: the same seed gives byte-identical files.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  CLOSURE_REASONS,
  CONCERNS,
  CONTACT_METHODS,
  COUNTERPARTS,
  type CodeList,
  FIRST_CONSULTERS,
  ROUTES,
  WARD_SECTIONS,
  WARDS,
} from '#shared/codes.ts'
import { prng, type Rng } from './prng.ts'

export interface LedgerSize {
  cases: number
  contacts: number
  meetings: number
  reviews: number
}

export interface GeneratedLedger {
  paths: string[]
  rows: number
  bytes: number
  /** The whole generated range (two fiscal years), for the full report. */
  from: string
  to: string
}

export const CITY_SIZE: LedgerSize = { cases: 10_000, contacts: 50_000, meetings: 1_500, reviews: 5_000 }

const DAY = 86_400_000
const FIRST_DAY = Date.UTC(2023, 3, 1) // 令和5年度 (FY2023) starts
const DAYS = 731 // FY2023 and FY2024, to 2025-03-31
const isoOf = (day: number) => new Date(FIRST_DAY + day * DAY).toISOString().slice(0, 10)

/** As people type dates in Excel: mostly 2023/4/5, some 和暦 R5.4.5, some ISO. */
function dateCell(rng: Rng, day: number): string {
  const [y, m, d] = isoOf(day).split('-').map(Number) as [number, number, number]
  const style = rng.next()
  if (style < 0.7) return `${y}/${m}/${d}`
  if (style < 0.85) return `R${y - 2018}.${m}.${d}`
  return isoOf(day)
}

/** A coded value as a person writes it: the Japanese label, sometimes the English code. */
const coded = (rng: Rng, list: CodeList<string>, code: string) =>
  rng.chance(0.8) ? list.find((c) => c.code === code)!.label : code

const quote = (cell: string) => (/[",\r\n]/u.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)

/** Writes <name>.csv (UTF-8, CRLF, RFC 4180 quoting) from a comma-separated header and rows. */
function writeCsv(dir: string, name: string, header: string, rows: string[][]) {
  const text = `${[header.split(','), ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`
  const path = join(dir, `${name}.csv`)
  writeFileSync(path, text)
  return { path, bytes: Buffer.byteLength(text) }
}

const SURNAMES = '佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田'.split(' ')
const GIVEN = '太郎 花子 一郎 陽子 健太 美咲 大輔 由美 翔 恵子 誠 直美'.split(' ')
const STAFF = '相談員A 相談員B 相談員C 相談員D 山口 松本 井上 木村 林 清水'.split(' ')
const AGENCY_KINDS = 'NPO法人よりそい 地域包括支援センター 社会福祉協議会 就労支援事業所'.split(' ')
const AGENCIES = Array.from({ length: 40 }, (_, i) => `${AGENCY_KINDS[i % 4]}${i + 1}`)
const SUMMARIES =
  '母親から電話。本人は自室にこもりがち|来所面談、生活状況を確認|訪問, 本人と短時間会話|'.split('|')

interface Case {
  no: string
  opened: number
  ward: string
  reviews: number
}

export function generateLedger(dir: string, seed = 20_231, size: LedgerSize = CITY_SIZE): GeneratedLedger {
  const rng = prng(seed)
  const files: { path: string; bytes: number }[] = []
  const write = (name: string, header: string, rows: string[][]) =>
    files.push(writeCsv(dir, name, header, rows))

  // Cases, opened evenly over the two years; numbered per fiscal year in opening order.
  const opened = Array.from({ length: size.cases }, () => rng.int(0, DAYS - 1)).sort((a, b) => a - b)
  const seq = new Map<number, number>()
  const cases: Case[] = []
  const caseRows = opened.map((day) => {
    const fy = day < 366 ? 2023 : 2024
    seq.set(fy, (seq.get(fy) ?? 0) + 1)
    const no = `${fy}-${String(seq.get(fy)).padStart(5, '0')}`
    const home = rng.pick(WARDS).code
    const atWindow = rng.chance(0.7)
    const age = rng.chance(0.6) ? rng.int(14, 72) : null
    const band = age === null ? rng.weighted(':3 39歳以下:1 40歳以上:2 不明:1') : ''
    const consulter = rng.weighted('family:55 self:25 agency:15 other:5')
    const route = rng.weighted(
      'agency_referral:20 publicity:10 web:15 acquaintance:20 other_window:15 other:5 unknown:15',
    )
    const concerns = ((): string[] => {
      const out = new Set<string>()
      for (let i = rng.int(0, 3); i > 0; i--) out.add(coded(rng, CONCERNS, rng.pick(CONCERNS).code))
      return [...out]
    })()
    const handed = atWindow && rng.chance(0.25) ? Math.min(DAYS - 1, day + rng.int(7, 90)) : null
    const handedTo = handed === null ? '' : rng.chance(0.8) ? home : rng.pick(WARDS).code
    const closed = rng.chance(0.35) ? day + rng.int(3, 240) : null
    const closedOn = closed !== null && closed < DAYS && (handed === null || closed > handed) ? closed : null
    cases.push({ no, opened: day, ward: handedTo || home, reviews: 0 })
    const surname = rng.pick(SURNAMES)
    return [
      no,
      dateCell(rng, day),
      atWindow ? (rng.chance(0.9) ? '相談窓口' : 'window') : coded(rng, WARDS, home),
      rng.chance(0.9) ? coded(rng, WARDS, home) : '',
      age === null ? '' : String(age),
      band,
      coded(rng, FIRST_CONSULTERS, consulter),
      rng.chance(0.9) ? coded(rng, ROUTES, route) : '',
      concerns.join(rng.chance(0.8) ? ';' : '\n'),
      rng.weighted(':80 通常:10 要早期対応:7 緊急:3'),
      handed === null ? '' : dateCell(rng, handed),
      handedTo === '' ? '' : coded(rng, WARDS, handedTo),
      closedOn === null ? '' : dateCell(rng, closedOn),
      closedOn === null ? '' : coded(rng, CLOSURE_REASONS, rng.pick(CLOSURE_REASONS).code),
      rng.chance(0.7) ? `${surname} ${rng.pick(GIVEN)}` : '',
      '',
      rng.weighted('男性:45 女性:35 :20'),
    ]
  })
  write(
    'cases',
    'ケース番号,受付日,受付機関,居住区,年齢,年齢区分,相談者,経路,主訴・課題,緊急度,引継ぎ日,引継ぎ先,終結日,終結理由,氏名,ふりがな,性別',
    caseRows,
  )

  // Contacts: the first on the day the case opened, the rest spread over the following months
  // (a few cases take many contacts); never before the opening, never after the period.
  const contacts: [number, string[]][] = []
  const contactFor = (c: Case, day: number) => {
    const method = rng.weighted('phone:50 in_person:25 mail:10 visit:10 other:5')
    const who = rng.weighted('family:50 self:40 other:10')
    contacts.push([
      day,
      [
        c.no,
        dateCell(rng, day),
        rng.chance(0.8) ? `${rng.int(9, 17)}:${rng.pick(['00', '15', '30', '45'])}` : '',
        coded(rng, CONTACT_METHODS, method),
        coded(rng, COUNTERPARTS, who),
        rng.chance(0.85) ? rng.pick(STAFF) : '',
        rng.chance(0.9) ? String(rng.int(1, 24) * 5) : '',
        rng.pick(SUMMARIES),
      ],
    ])
  }
  for (const c of cases) contactFor(c, c.opened)
  for (let i = cases.length; i < size.contacts; i++) {
    // Squaring skews towards a minority of busy cases.
    const c = cases[Math.floor(rng.next() ** 2 * cases.length)]!
    contactFor(c, Math.min(DAYS - 1, c.opened + Math.floor(rng.next() ** 2 * 300)))
  }
  contacts.sort((a, b) => a[0] - b[0])
  write(
    'contacts',
    'ケース番号,対応日,時刻,手法,対象,担当者,所要時間(分),内容',
    contacts.map(([, row]) => row),
  )

  // Meetings: each ward about every other week, from the second month on.
  const meetings = Array.from({ length: size.meetings }, (_, i) => ({
    no: `M-${String(i + 1).padStart(5, '0')}`,
    ward: WARDS[i % WARDS.length]!.code,
    day: rng.int(30, DAYS - 1),
  }))
  meetings.sort((a, b) => a.day - b.day)
  const meetingRows = meetings.map((m) => {
    const agencies = new Set<string>()
    for (let i = rng.int(0, 4); i > 0; i--) agencies.add(rng.pick(AGENCIES))
    const sections = new Set<string>()
    for (let i = rng.int(1, 3); i > 0; i--) sections.add(rng.pick(WARD_SECTIONS).label)
    return [
      m.no,
      coded(rng, WARDS, m.ward),
      dateCell(rng, m.day),
      [...agencies].join(';'),
      [...sections].join(';'),
    ]
  })
  write('meetings', '会議番号,区,開催日,出席関係機関,出席課・室', meetingRows)

  // Reviews: cases of the meeting's ward opened before it (any earlier case when the ward has
  // too few); a case's first review is 新規, later ones 継続. One review per meeting and case.
  const byWard = new Map<string, Case[]>()
  // Appended in place (copying the ward's list for each case was quadratic: 19.6 s at 20x).
  for (const c of cases) {
    const list = byWard.get(c.ward)
    if (list) list.push(c)
    else byWard.set(c.ward, [c])
  }
  const openedBy = (list: Case[], day: number) => {
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (list[mid]!.opened <= day) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const perMeeting = meetings.map(
    (_, i) => Math.floor(size.reviews / meetings.length) + (i < size.reviews % meetings.length ? 1 : 0),
  )
  const reviewRows: string[][] = []
  meetings.forEach((m, i) => {
    const local = byWard.get(m.ward) ?? []
    const pool = openedBy(local, m.day) >= perMeeting[i]! * 2 ? local : cases
    const n = openedBy(pool, m.day)
    const chosen = new Set<Case>()
    while (chosen.size < Math.min(perMeeting[i]!, n)) chosen.add(pool[rng.int(0, n - 1)]!)
    for (const c of chosen) {
      const isNew = c.reviews++ === 0
      const lead = rng.weighted('ward_section:40 accompaniment:35 specialist:15 rediscuss:10')
      reviewRows.push([
        m.no,
        c.no,
        isNew ? '新規' : '継続',
        isNew ? rng.weighted('相談窓口:60 保健福祉センター各課・室:30 その他（関係機関等）:10') : '',
        lead,
        lead === 'specialist' ? rng.pick(AGENCIES) : '',
        rng.chance(0.5) ? '月1回の訪問を継続' : '',
        rng.chance(0.7) ? dateCell(rng, m.day + rng.int(14, 90)) : '',
      ])
    }
  })
  write(
    'reviews',
    '会議番号,ケース番号,区分,新規ケース経路,主担当,主担当機関,支援方針,次回確認日',
    reviewRows,
  )

  return {
    paths: files.map((f) => f.path),
    rows: caseRows.length + contacts.length + meetingRows.length + reviewRows.length,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    from: isoOf(0),
    to: isoOf(DAYS - 1),
  }
}
