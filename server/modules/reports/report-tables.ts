// The report laid out as the seed's tables (表2–表8, 図2–図5, 支援調整会議実績), with its
// Japanese headings. The workbook and the HTML page both render these, so they never differ.
import {
  AGE_BANDS,
  CASE_LEADS,
  CONTACT_METHODS,
  COUNTERPARTS,
  FIRST_CONSULTERS,
  labelOf,
  NEW_CASE_ROUTES,
  ROUTES,
  WARDS,
} from '#shared/codes.ts'
import { OUTCOMES, type Report } from '#shared/contracts/reports.ts'
import { fiscalYearLabel, formatWareki } from '#shared/dates.ts'
import { indicatorSections, type ReportTable, verificationSection } from '#shared/report-indicator-tables.ts'

export type { Cell, ColumnKind, ReportTable } from '#shared/report-indicator-tables.ts'
export { formatCell } from '#shared/report-indicator-tables.ts'

const AGE_LABELS: Record<string, string> = { under40: '39歳以下', '40plus': '40歳以上', unknown: '不明等' }

export function periodLabel(r: Report): string {
  const ward = r.period.ward ? `（${labelOf(WARDS, r.period.ward as never)}）` : ''
  return `${formatWareki(r.period.from)}～${formatWareki(r.period.to)}${ward}`
}

const monthLabel = (month: string) => {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}

function consultationTables(r: Report): ReportTable[] {
  const c = r.consultations
  const b = c.byAgeBand
  const shareRows = <C extends string>(
    list: readonly { code: C; label: string }[],
    v: Record<C, { count: number; percent: number }>,
  ) => list.map((x) => [x.label, v[x.code].count, v[x.code].percent])
  return [
    {
      sheet: '表2',
      title: '表2 相談件数（年齢区分別）',
      columns: [
        { label: '本人の年齢', kind: 'text' },
        { label: b.baseline ? `比較基準（${b.baseline.label}）` : '比較基準', kind: 'int' },
        { label: '相談件数', kind: 'int' },
        { label: '増減', kind: 'change' },
      ],
      rows: [
        ...AGE_BANDS.map((a) => [
          AGE_LABELS[a.code]!,
          b.baseline?.[a.code] ?? null,
          b.current[a.code],
          b.change?.[a.code] ?? null,
        ]),
        ['合計', b.baseline?.total ?? null, b.current.total, b.change?.total ?? null],
      ],
      totalRow: true,
    },
    {
      sheet: '図2',
      title: '図2 相談件数の推移（月別新規相談件数）',
      columns: [
        { label: '月', kind: 'text' },
        { label: '相談件数', kind: 'int' },
      ],
      rows: c.monthlyNewCases.map((m) => [monthLabel(m.month), m.count]),
    },
    {
      sheet: '表3 ケース数',
      title: '表3 対応回数ごとのケース数',
      columns: [
        { label: '区分', kind: 'text' },
        { label: 'ケース数', kind: 'int' },
      ],
      rows: [
        ['初回相談のみ（対応1回以下）', c.byContactCount.single],
        ['継続相談（2回以上の関わり）', c.byContactCount.continuing],
      ],
    },
    {
      sheet: '表3 延べ対応回数',
      title: '表3 延べ対応回数（手法×対象）',
      columns: [
        { label: '手法＼対象', kind: 'text' },
        ...COUNTERPARTS.map((p) => ({ label: p.label, kind: 'int' as const })),
        { label: '合計', kind: 'int' },
      ],
      rows: [
        ...CONTACT_METHODS.map((m) => {
          const row = c.contacts.byMethod[m.code]
          return [m.label, ...COUNTERPARTS.map((p) => row[p.code]), row.total]
        }),
        ['合計', ...COUNTERPARTS.map((p) => c.contacts.total[p.code]), c.contacts.total.total],
      ],
      totalRow: true,
    },
    {
      sheet: '表3 対応結果',
      title: `表3 対応結果（${formatWareki(r.period.to)}時点）`,
      columns: [
        { label: '対応結果', kind: 'text' },
        { label: 'ケース数', kind: 'int' },
      ],
      rows: OUTCOMES.map((o) => [o.label, c.outcomesAtEnd[o.code]]),
    },
    {
      sheet: '図3',
      title: '図3 来所面談件数の推移',
      columns: [
        { label: '月', kind: 'text' },
        { label: '面談件数', kind: 'int' },
      ],
      rows: c.monthlyInPerson.map((m) => [monthLabel(m.month), m.count]),
    },
    {
      sheet: '図4',
      title: '図4 手段別相談件数（延べ対応回数）',
      columns: [
        { label: '手法', kind: 'text' },
        { label: '件数', kind: 'int' },
      ],
      rows: CONTACT_METHODS.map((m) => [m.label, c.contacts.byMethod[m.code].total]),
    },
    {
      sheet: '図5',
      title: '図5 相談者別相談件数',
      columns: [
        { label: '相談者', kind: 'text' },
        { label: '件数', kind: 'int' },
        { label: '割合', kind: 'percent' },
      ],
      rows: shareRows(FIRST_CONSULTERS, c.byFirstConsulter),
    },
    {
      sheet: '経路',
      title: '相談経路別相談件数',
      columns: [
        { label: '経路', kind: 'text' },
        { label: '件数', kind: 'int' },
        { label: '割合', kind: 'percent' },
      ],
      rows: shareRows(ROUTES, c.byRoute),
    },
  ]
}

function otherTables(r: Report): ReportTable[] {
  const m = r.meetings
  const surveyTables = r.surveys.flatMap((s) => s.questions.map((q) => ({ s, q })))
  return [
    {
      sheet: '区受付',
      title: '区役所・支所保健福祉センターでの受付件数',
      columns: [
        { label: '区役所・支所', kind: 'text' },
        { label: '件数', kind: 'int' },
      ],
      rows: r.wardIntake.map((w) => [labelOf(WARDS, w.ward as never), w.count]),
    },
    {
      sheet: '支援調整会議',
      title: 'ひきこもり支援調整会議実績',
      columns: [
        { label: '項目', kind: 'text' },
        { label: '件数', kind: 'int' },
      ],
      rows: [
        ['開催回数', m.held],
        ['検討ケース数', m.casesReviewed],
        ['検討ケース数（のべ）', m.reviews],
        ...NEW_CASE_ROUTES.map((x) => [`新規ケース経路：${x.label}`, m.newCaseRoutes[x.code]]),
        ...CASE_LEADS.map((x) => [`新規ケース主担当：${x.label}`, m.newCaseLeads[x.code]]),
        ['参画した関係機関数', m.agencies],
      ],
    },
    ...surveyTables.map(({ s, q }, i) => ({
      sheet: `表${i + 4}`,
      title: `表${i + 4} ${q.question}（${s.title}、回答者${s.respondents}人${q.kind === 'multiple' ? '、複数回答可' : ''}）`,
      columns: [
        { label: '回答内容', kind: 'text' as const },
        { label: '回答数', kind: 'int' as const },
        { label: '割合', kind: 'percent' as const },
      ],
      rows: q.options.map((o) => [o.label, o.count, o.percent]),
    })),
    {
      sheet: '補助金採択事業',
      title: 'ひきこもり支援事業補助金 採択事業数',
      columns: [
        { label: '年度', kind: 'text' },
        { label: '事業数', kind: 'int' },
      ],
      rows: r.resources.subsidisedProjects.map((p) => [fiscalYearLabel(p.fiscalYear), p.count]),
    },
  ]
}

/** Every table in the report's order: 表1, the seed's tables, then the indicator sections. */
export function reportTables(r: Report): ReportTable[] {
  return [
    ...verificationSection(r).tables,
    ...consultationTables(r),
    ...otherTables(r),
    ...indicatorSections(r).flatMap((s) => s.tables),
  ]
}
