// Where a drafted finding's figures come from, named as the report names its tables, so the
// footnote under a sentence (page, workbook, print) sends the reader to the table to check.
import type { Finding, Report } from './contracts/reports.ts'

const FIXED: Record<string, string> = {
  consultations_vs_baseline: '表2 相談件数（年齢区分別）',
  age40plus_vs_baseline: '表2 相談件数（年齢区分別）',
  single_share: '表3 対応回数ごとのケース数',
  continuing_share: '表3 対応回数ごとのケース数',
  family_share: '図5 相談者別相談件数',
  agency_referral_share: '相談経路別相談件数',
  meeting_agency_route_share: 'ひきこもり支援調整会議実績（新規ケースの経路）',
  lead_accompaniment_share: 'ひきこもり支援調整会議実績（新規ケースの主担当）',
  lead_section_share: 'ひきこもり支援調整会議実績（新規ケースの主担当）',
  monthly_trend: '図2 相談件数の推移（最初の3か月と最後の3か月の合計）',
}

/** The table a finding rests on; a survey question is 表4 onwards, in the report's order. */
export function findingSource(f: Pick<Finding, 'id'>, r: Pick<Report, 'surveys' | 'consultations'>): string {
  const fixed = FIXED[f.id]
  if (fixed) {
    const base = r.consultations.byAgeBand.baseline
    return f.id.endsWith('_vs_baseline') && base ? `${fixed}、比較基準：${base.label}` : fixed
  }
  const questions = r.surveys.flatMap((s) => s.questions.map((q) => ({ s, q })))
  const i = questions.findIndex(({ s, q }) => f.id === `survey:${s.surveyId}:${q.no}`)
  if (i < 0) return ''
  const { s, q } = questions[i]!
  return `表${i + 4} ${q.question}（${s.title}）`
}

/**
 * 分子 411 ／ 分母 307 ＝ 1.3倍; 分子 31 ／ 分母 55 ＝ 56.4%（6割弱） — the figures of a finding in one
 * line, as its footnote; the phrase is added where it is not the value itself.
 */
export function findingFigures(f: Finding): string {
  const value =
    f.id === 'monthly_trend'
      ? `${f.value.toFixed(2)}倍`
      : f.id.endsWith('_vs_baseline')
        ? `${f.value.toFixed(1)}倍`
        : `${f.value.toFixed(1)}%`
  const phrase = f.phrase === value ? '' : `（${f.phrase}）`
  return `分子 ${f.numerator} ／ 分母 ${f.denominator} ＝ ${value}${phrase}`
}
