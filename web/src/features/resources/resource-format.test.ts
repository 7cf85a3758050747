import { describe, expect, it } from 'vitest'
import { areaText, categoriesText, countsText, parseFiscalYears, subsidyText } from './resource-format.ts'

describe('resource texts', () => {
  it('names categories, the area and the subsidy years in 和暦年度', () => {
    expect(categoriesText({ categories: ['ibasho', 'consultation'] })).toBe('居場所・相談')
    expect(areaText({ ward: null, wardName: null })).toBe('全市')
    expect(areaText({ ward: 'sakyo', wardName: '左京区' })).toBe('左京区')
    expect(subsidyText([2019, 2021])).toBe('令和元年度・令和3年度')
  })

  it('counts referrals by outcome, leaving out the empty ones', () => {
    expect(countsText({ total: 0, arranging: 0, connected: 0, not_used: 0 })).toBe('なし')
    expect(countsText({ total: 3, arranging: 1, connected: 2, not_used: 0 })).toBe(
      '3件（つながった 2・調整中 1）',
    )
  })
})

describe('parseFiscalYears', () => {
  it('reads 西暦 and 和暦 years, and leaves what it cannot read for the server to name', () => {
    expect(parseFiscalYears('2021, 令和4年度、R5 令和元 H30 ２０２０')).toEqual([
      2021, 2022, 2023, 2019, 2018, 2020,
    ])
    expect(parseFiscalYears('')).toEqual([])
    expect(parseFiscalYears('来年')).toEqual(['来年'])
  })
})
