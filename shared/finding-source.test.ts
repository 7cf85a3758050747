import { describe, expect, it } from 'vitest'
import type { Finding } from './contracts/reports.ts'
import { findingFigures, findingSource } from './finding-source.ts'

const f = (id: string, numerator: number, denominator: number, value: number, phrase: string): Finding => ({
  id,
  text: '',
  numerator,
  denominator,
  value,
  phrase,
})

describe('findingFigures', () => {
  it('writes the figures a sentence rests on, with the phrase where it is not the value', () => {
    expect(findingFigures(f('consultations_vs_baseline', 411, 307, 1.3, '1.3倍'))).toBe(
      '分子 411 ／ 分母 307 ＝ 1.3倍',
    )
    expect(findingFigures(f('consultations_vs_baseline', 302, 400, 0.8, '8割弱'))).toBe(
      '分子 302 ／ 分母 400 ＝ 0.8倍（8割弱）',
    )
    expect(findingFigures(f('lead_section_share', 11, 55, 20, '2割'))).toBe(
      '分子 11 ／ 分母 55 ＝ 20.0%（2割）',
    )
    expect(findingFigures(f('monthly_trend', 87, 156, 0.56, '減少傾向'))).toBe(
      '分子 87 ／ 分母 156 ＝ 0.56倍（減少傾向）',
    )
  })
})

describe('findingSource', () => {
  const report = {
    consultations: { byAgeBand: { baseline: { label: '令和元年度' } } },
    surveys: [
      { surveyId: 'S1', title: '相談者アンケート', questions: [{ no: 1, question: '満足度' }] },
      { surveyId: 'S3', title: '関係機関アンケート', questions: [{ no: 2, question: '良い点' }] },
    ],
  } as never
  it('names the report’s table, the baseline for ratios, and 表4 onwards for survey questions', () => {
    expect(findingSource({ id: 'age40plus_vs_baseline' }, report)).toBe(
      '表2 相談件数（年齢区分別）、比較基準：令和元年度',
    )
    expect(findingSource({ id: 'single_share' }, report)).toBe('表3 対応回数ごとのケース数')
    expect(findingSource({ id: 'survey:S3:2' }, report)).toBe('表5 良い点（関係機関アンケート）')
    expect(findingSource({ id: 'survey:S9:1' }, report)).toBe('')
  })
})
