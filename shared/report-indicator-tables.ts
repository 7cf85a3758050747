// The report's indicator sections (docs/report-rules.md "Volumes" onwards) laid out as tables
// with their Japanese headings. The server's HTML page and workbook and the staff page all
// render these, so the three never differ.
import {
  COUNTERPARTS,
  labelOf,
  NETWORK_MEETING_KINDS,
  REFERRAL_OUTCOMES,
  SUPPORT_ACTIVITIES,
  SUPPORT_GOALS,
  WARDS,
} from './codes.ts'
import { type Report, VERIFICATION_KINDS } from './contracts/reports.ts'
import { SEMINAR_KINDS } from './contracts/seminars.ts'
import { fiscalYearLabel, formatWareki } from './dates.ts'

/** text; int (a count); change (signed, negatives as △); percent (one decimal %); rate (one decimal); null shows —. */
export type ColumnKind = 'text' | 'int' | 'change' | 'percent' | 'rate'
export type Cell = string | number | null

export interface ReportTable {
  /** Sheet name (Excel allows 31 characters). */
  sheet: string
  title: string
  note?: string
  columns: { label: string; kind: ColumnKind }[]
  rows: Cell[][]
  /** The last row is a total (bold, separated). */
  totalRow?: boolean
}

/** A heading of the report and its tables. */
export interface ReportSection {
  id: string
  title: string
  tables: ReportTable[]
}

type WardName = (code: string) => string
const staticWardName: WardName = (code) => labelOf(WARDS, code as never)

const monthLabel = (month: string) => formatWareki(`${month}-01`).replace(/1日$/u, '')

/** 令和3年5月～9月 (or one month, or a single day for an interview); — when not recorded. */
export function heldLabel(from: string | null, to: string | null): string | null {
  if (!from) return null
  if (!to || to === from) return formatWareki(from)
  const start = monthLabel(from.slice(0, 7))
  if (from.slice(0, 7) === to.slice(0, 7)) return start
  const end = monthLabel(to.slice(0, 7))
  // The same era and year: the end is written by its month only, as the seed does.
  const sameYear = start.replace(/\d+月$/u, '') === end.replace(/\d+月$/u, '')
  return `${start}～${sameYear ? end.replace(/^.*年/u, '') : end}`
}

function verificationTable(r: Report): ReportTable {
  return {
    sheet: '表1',
    title: '表1 取組検証の手法',
    note: r.verification.length === 0 ? 'この期間の検証手法は記録されていません。' : undefined,
    columns: [
      { label: '手法', kind: 'text' },
      { label: '区分', kind: 'text' },
      { label: '実施時期', kind: 'text' },
      { label: '対象', kind: 'text' },
      { label: '回答数', kind: 'text' },
    ],
    rows: r.verification.map((v) => [
      v.method,
      labelOf(VERIFICATION_KINDS, v.kind),
      heldLabel(v.heldFrom, v.heldTo),
      v.target,
      // The seed writes 「-」 where a method has no count of answers.
      v.responses ?? '-',
    ]),
  }
}

const VOLUME_ROWS = [
  ['consultations', '相談（新規ケース）'],
  ['contacts', '対応（継続ケースを含む）'],
] as const

function volumeTables(r: Report, wardName: WardName): ReportTable[] {
  const v = r.volumes
  const population =
    v.population === null ? '人口未入力のため人口当たりは—' : `人口${v.population.toLocaleString('ja-JP')}人`
  return [
    {
      sheet: '実人数・延べ件数',
      title: '相談・対応の実人数と延べ件数',
      note: `${fiscalYearLabel(v.populationFiscalYear)}（${population}）。人口10万人当たりは小数点以下第1位まで（四捨五入）。`,
      columns: [
        { label: '区分', kind: 'text' },
        { label: '実人数', kind: 'int' },
        { label: '延べ件数', kind: 'int' },
        { label: '実人数（人口10万人当たり）', kind: 'rate' },
        { label: '延べ件数（人口10万人当たり）', kind: 'rate' },
      ],
      rows: VOLUME_ROWS.map(([key, label]) => [
        label,
        v[key].people,
        v[key].count,
        v[key].peoplePer100k,
        v[key].countPer100k,
      ]),
    },
    {
      sheet: '月別 実人数・延べ件数',
      title: '月別 相談・対応の実人数と延べ件数',
      columns: [
        { label: '月', kind: 'text' },
        { label: '相談 実人数', kind: 'int' },
        { label: '相談 延べ件数', kind: 'int' },
        { label: '対応 実人数', kind: 'int' },
        { label: '対応 延べ件数', kind: 'int' },
      ],
      rows: v.monthly.map((m) => [
        monthLabel(m.month),
        m.consultations.people,
        m.consultations.count,
        m.contacts.people,
        m.contacts.count,
      ]),
    },
    {
      sheet: '月別 人口10万人当たり',
      title: '月別 人口10万人当たりの実人数と延べ件数',
      note: '各月の年度の人口によります。',
      columns: [
        { label: '月', kind: 'text' },
        { label: '相談 実人数', kind: 'rate' },
        { label: '相談 延べ件数', kind: 'rate' },
        { label: '対応 実人数', kind: 'rate' },
        { label: '対応 延べ件数', kind: 'rate' },
      ],
      rows: v.monthly.map((m) => [
        monthLabel(m.month),
        m.consultations.peoplePer100k,
        m.consultations.countPer100k,
        m.contacts.peoplePer100k,
        m.contacts.countPer100k,
      ]),
    },
    {
      sheet: '区別 実人数・延べ件数',
      title: '区別 相談・対応の実人数と延べ件数（居住区）',
      columns: [
        { label: '区', kind: 'text' },
        { label: '人口', kind: 'int' },
        { label: '相談 実人数', kind: 'int' },
        { label: '相談 延べ件数', kind: 'int' },
        { label: '対応 実人数', kind: 'int' },
        { label: '対応 延べ件数', kind: 'int' },
      ],
      rows: v.byWard.map((w) => [
        wardName(w.ward),
        w.population,
        w.consultations.people,
        w.consultations.count,
        w.contacts.people,
        w.contacts.count,
      ]),
    },
    {
      sheet: '区別 人口10万人当たり',
      title: '区別 人口10万人当たりの実人数と延べ件数（居住区）',
      columns: [
        { label: '区', kind: 'text' },
        { label: '相談 実人数', kind: 'rate' },
        { label: '相談 延べ件数', kind: 'rate' },
        { label: '対応 実人数', kind: 'rate' },
        { label: '対応 延べ件数', kind: 'rate' },
      ],
      rows: v.byWard.map((w) => [
        wardName(w.ward),
        w.consultations.peoplePer100k,
        w.consultations.countPer100k,
        w.contacts.peoplePer100k,
        w.contacts.countPer100k,
      ]),
    },
  ]
}

function accompanimentTables(r: Report): ReportTable[] {
  const a = r.accompaniment
  const kindColumns = [
    { label: '延べ件数', kind: 'int' as const },
    { label: '実ケース数', kind: 'int' as const },
  ]
  return [
    {
      sheet: '支援内容',
      title: 'よりそい支援員の支援内容',
      columns: [{ label: '支援内容', kind: 'text' }, ...kindColumns],
      rows: [
        ...SUPPORT_ACTIVITIES.map((k) => [k.label, a.activities[k.code].count, a.activities[k.code].cases]),
        ['合計', a.activitiesTotal.count, a.activitiesTotal.cases],
      ],
      totalRow: true,
    },
    {
      sheet: '支援目標',
      title: `よりそい支援員の支援目標（${formatWareki(r.period.to)}時点、主担当ケース${a.ledAtEnd}件）`,
      note: '一つのケースに複数の目標があります。',
      columns: [
        { label: '目標', kind: 'text' },
        { label: 'ケース数', kind: 'int' },
      ],
      rows: SUPPORT_GOALS.map((g) => [g.label, a.goals[g.code]]),
    },
    {
      sheet: 'よりそい支援員',
      title: 'よりそい支援員の主担当ケースと本人の変化',
      columns: [
        { label: '項目', kind: 'text' },
        { label: '件数', kind: 'int' },
      ],
      rows: [
        [`主担当ケース数（${formatWareki(r.period.to)}時点）`, a.ledAtEnd],
        ['本人の変化（延べ）', a.changes.count],
        ['本人の変化があったケース数', a.changes.cases],
      ],
    },
    {
      sheet: 'つなぎ',
      title: `社会資源へのつなぎ（結果は${formatWareki(r.period.to)}時点）`,
      columns: [
        { label: '結果', kind: 'text' },
        { label: '件数', kind: 'int' },
      ],
      rows: [
        ...REFERRAL_OUTCOMES.map((o) => [o.label, r.referrals.byOutcome[o.code]]),
        ['合計', r.referrals.total],
      ],
      totalRow: true,
    },
    {
      sheet: '全市の会議',
      title: '全市の会議（担当者会議・支援ミーティング）',
      columns: [
        { label: '項目', kind: 'text' },
        { label: '件数', kind: 'int' },
      ],
      rows: [
        ...NETWORK_MEETING_KINDS.map((k) => [`${k.label} 開催回数`, r.networkMeetings.held[k.code]]),
        ['開催回数 合計', r.networkMeetings.held.total],
        ['共有した事例数', r.networkMeetings.casesShared],
      ],
    },
  ]
}

function familySupportTables(r: Report, wardName: WardName): ReportTable[] {
  const f = r.familySupport
  const surveys = f.followUpSurveys.flatMap((s) => s.questions.map((q) => ({ s, q })))
  return [
    {
      sheet: '家族支援',
      title: '家族向け研修会・家族教室等の実績',
      columns: [
        { label: '項目', kind: 'text' },
        { label: '件数', kind: 'int' },
      ],
      rows: [
        ...SEMINAR_KINDS.map((k) => [`${k.label} 開催回数`, f.held[k.code]]),
        ['申込（確定）件数', f.registrations.confirmed],
        ['申込（確定）人数', f.registrations.people],
        ['キャンセル待ち件数', f.registrations.waitlisted],
        ['取消件数', f.registrations.cancelled],
        ['出席件数', f.attendance.attended],
        ['出席人数', f.attendance.people],
        ['欠席件数', f.attendance.absent],
        ['出欠未記録件数', f.attendance.notRecorded],
      ],
    },
    {
      sheet: '家族支援 開催一覧',
      title: '家族向け研修会・家族教室等の開催一覧',
      note: f.seminars.length === 0 ? 'この期間に開催したものはありません。' : undefined,
      columns: [
        { label: '名称', kind: 'text' },
        { label: '開催日', kind: 'text' },
        { label: '種類', kind: 'text' },
        { label: '主催', kind: 'text' },
        { label: '定員', kind: 'int' },
        { label: '申込人数', kind: 'int' },
        { label: '出席人数', kind: 'int' },
      ],
      rows: f.seminars.map((s) => [
        s.title,
        formatWareki(s.heldOn),
        labelOf(SEMINAR_KINDS, s.kind),
        s.ward ? wardName(s.ward) : '本市',
        s.capacity,
        s.registeredPeople,
        s.attendedPeople,
      ]),
    },
    ...surveys.map(({ s, q }, i) => ({
      sheet: `家族支援 アンケート${i + 1}`,
      title: `事後アンケート ${q.question}（${s.title}、回答者${s.respondents}人${q.kind === 'multiple' ? '、複数回答可' : ''}）`,
      columns: [
        { label: '回答内容', kind: 'text' as const },
        { label: '回答数', kind: 'int' as const },
        { label: '割合', kind: 'percent' as const },
      ],
      rows: q.options.map((o) => [o.label, o.count, o.percent]),
    })),
  ]
}

function webConsultationTable(r: Report): ReportTable {
  const w = r.webConsultations
  return {
    sheet: 'ウェブ相談',
    title: 'ウェブ相談の実績',
    columns: [
      { label: '項目', kind: 'text' },
      { label: '件数', kind: 'int' },
    ],
    rows: [
      ['受付件数', w.received],
      ['返信した件数', w.replied],
      ['ケースにつながった件数', w.linkedToCases],
      ...COUNTERPARTS.map((c) => [`受付件数（${c.label}から）`, w.bySender[c.code]]),
    ],
  }
}

/** 表1, printed before the seed's other tables. */
export function verificationSection(r: Report): ReportSection {
  return { id: 'report-verification', title: '取組検証の手法', tables: [verificationTable(r)] }
}

/** The sections after the seed's tables, in the report's order; each is there even when empty. */
export function indicatorSections(r: Report, wardName: WardName = staticWardName): ReportSection[] {
  return [
    { id: 'report-volumes', title: '実人数・延べ件数と人口当たり', tables: volumeTables(r, wardName) },
    {
      id: 'report-accompaniment',
      title: 'よりそい支援員の活動・つなぎ・全市の会議',
      tables: accompanimentTables(r),
    },
    { id: 'report-family', title: '家族支援', tables: familySupportTables(r, wardName) },
    { id: 'report-web', title: 'ウェブ相談', tables: [webConsultationTable(r)] },
  ]
}

/** A cell as text: counts with thousands separators, △ for decreases, — for none. */
export function formatCell(value: Cell, kind: ColumnKind): string {
  if (value === null) return '—'
  if (typeof value === 'string') return value
  if (kind === 'percent') return `${value.toFixed(1)}%`
  if (kind === 'rate') return value.toFixed(1)
  const text = Math.abs(value).toLocaleString('ja-JP')
  return kind === 'change' && value < 0 ? `△${text}` : text
}
