import { describe, expect, it } from 'vitest'
import { findIdentifying } from './anonymity.ts'

const person = { name: '山田 太郎', kana: 'やまだ たろう', caseNo: '2026-00012' }

describe('findIdentifying', () => {
  it.each([
    ['山田太郎さんは自室で過ごしている', 'name'],
    ['山田 太郎', 'name'],
    ['山田さんの母から相談', 'name'],
    ['ヤマダさんとは手紙でやりとり', 'name'],
    ['ﾀﾛｳ君は夜型の生活', 'name'],
    ['ケース2026-00012の件', 'caseNo'],
    ['2021-08-31に初回面談', 'date'],
    ['２０２１／８／３１に来所', 'date'],
    ['2021年8月31日に訪問', 'date'],
    ['令和3年8月31日に訪問', 'date'],
    ['令和元年5月1日から不登校', 'date'],
    ['R3.8.31 初回', 'date'],
    ['H30/1/2に退職', 'date'],
    ['8月31日に面談', 'date'],
    ['八月三十一日に面談', 'date'],
    ['8/31に面談', 'date'],
  ])('finds %s', (text, kind) => {
    expect(findIdentifying(text, person)).toBe(kind)
  })

  it.each([
    '40代の男性。令和3年度に家族から相談があった',
    '昨年の夏ごろから外出が減った',
    '2021年8月に離職し、その後は自宅で過ごしている',
    '週2回の居場所参加を検討している',
    '本人（Aさん）は太陽が好き',
    '家族関係の調整について助言がほしい',
  ])('lets through %s', (text) => {
    expect(findIdentifying(text, person)).toBeNull()
  })

  it('works without a name or kana on record', () => {
    expect(findIdentifying('Aさんの件', { name: null, kana: null, caseNo: '2026-00001' })).toBeNull()
  })
})
