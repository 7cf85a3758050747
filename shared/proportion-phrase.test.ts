import { describe, expect, it } from 'vitest'
import { percentHalfUp } from './percent.ts'
import {
  formatHundredths,
  formatTenths,
  ratioFigure,
  ratioHundredths,
  ratioTenths,
  shareFigure,
  sharePhrase,
  trendFigure,
} from './proportion-phrase.ts'

describe('sharePhrase', () => {
  it('words the seed’s shares as the rule gives them', () => {
    expect(sharePhrase(50.1)).toBe('約半数')
    expect(sharePhrase(56.4)).toBe('6割弱')
    expect(sharePhrase(20.0)).toBe('2割')
    expect(sharePhrase(60.1)).toBe('6割')
    expect(sharePhrase(73.9)).toBe('7割以上')
    expect(sharePhrase(58.2)).toBe('6割弱') // the seed wrote 約6割; staff edit the draft
    expect(sharePhrase(56.3)).toBe('6割弱')
    expect(sharePhrase(49.9)).toBe('約半数')
  })

  it('rule 1: none, all, nearly all and under a tenth, at their edges', () => {
    expect(sharePhrase(0)).toBe('なし')
    expect(sharePhrase(0.1)).toBe('1割未満')
    expect(sharePhrase(4.9)).toBe('1割未満')
    expect(sharePhrase(5.0)).toBe('1割弱')
    expect(sharePhrase(94.9)).toBe('9割以上')
    expect(sharePhrase(95.0)).toBe('ほぼすべて')
    expect(sharePhrase(99.9)).toBe('ほぼすべて')
    expect(sharePhrase(100)).toBe('すべて')
  })

  it('rule 2: exactly half, and 約半数 from 45.0 up to but not including 55.0', () => {
    expect(sharePhrase(50.0)).toBe('半数')
    expect(sharePhrase(44.9)).toBe('4割以上')
    expect(sharePhrase(45.0)).toBe('約半数')
    expect(sharePhrase(54.9)).toBe('約半数')
    expect(sharePhrase(55.0)).toBe('6割弱')
  })

  it('rule 3: within half a point of a tenth is that tenth; below it 弱, above it 以上', () => {
    expect(sharePhrase(29.5)).toBe('3割弱')
    expect(sharePhrase(29.6)).toBe('3割')
    expect(sharePhrase(30.0)).toBe('3割')
    expect(sharePhrase(30.4)).toBe('3割')
    expect(sharePhrase(30.5)).toBe('3割以上')
    expect(sharePhrase(34.9)).toBe('3割以上')
    expect(sharePhrase(35.0)).toBe('4割弱') // k = 3.5 rounded half up = 4
    expect(sharePhrase(9.5)).toBe('1割弱')
    expect(sharePhrase(9.6)).toBe('1割')
    expect(sharePhrase(10.4)).toBe('1割')
    expect(sharePhrase(14.9)).toBe('1割以上')
    expect(sharePhrase(15.0)).toBe('2割弱')
    expect(sharePhrase(85.0)).toBe('9割弱')
    expect(sharePhrase(89.5)).toBe('9割弱')
    expect(sharePhrase(90.4)).toBe('9割')
  })

  it('gives one phrase for every tenth from 0.0 to 100.0, in order of the bands', () => {
    const seen: string[] = []
    for (let t = 0; t <= 1000; t++) {
      const phrase = sharePhrase(t / 10)
      if (seen.at(-1) !== phrase) seen.push(phrase)
    }
    expect(seen).toEqual([
      'なし',
      '1割未満',
      ...[1, 2, 3, 4].flatMap((k) => [`${k}割弱`, `${k}割`, `${k}割以上`]),
      '約半数',
      '半数',
      '約半数',
      ...[6, 7, 8, 9].flatMap((k) => [`${k}割弱`, `${k}割`, `${k}割以上`]),
      'ほぼすべて',
      'すべて',
    ])
  })
})

describe('ratios against a baseline', () => {
  it('rounds to one decimal half up on integers (411 ÷ 307 → 1.3倍, 134 ÷ 39 → 3.4倍)', () => {
    expect(ratioFigure(411, 307)).toEqual({ value: 1.3, phrase: '1.3倍' })
    expect(ratioFigure(134, 39)).toEqual({ value: 3.4, phrase: '3.4倍' })
    expect(ratioTenths(5, 4)).toBe(13) // 1.25 → 1.3
    expect(ratioTenths(1049, 1000)).toBe(10)
    expect(ratioTenths(1050, 1000)).toBe(11)
    expect(ratioTenths(3, 0)).toBe(0)
  })

  it('reads 1.0 and more as 倍, one decimal kept', () => {
    expect(ratioFigure(100, 100)).toEqual({ value: 1, phrase: '1.0倍' })
    expect(ratioFigure(95, 100)).toEqual({ value: 1, phrase: '1.0倍' }) // 0.95 → 1.0
    expect(ratioFigure(200, 100)).toEqual({ value: 2, phrase: '2.0倍' })
  })

  it('below 1.0 reads as the share of the baseline (302 ÷ 400 = 75.5% → 8割弱)', () => {
    expect(ratioFigure(302, 400)).toEqual({ value: 0.8, phrase: '8割弱' })
    expect(ratioFigure(94, 100)).toEqual({ value: 0.9, phrase: '9割以上' })
    expect(ratioFigure(0, 10)).toEqual({ value: 0, phrase: 'なし' })
  })

  it('formats tenths and hundredths', () => {
    expect(formatTenths(13)).toBe('1.3')
    expect(formatTenths(30)).toBe('3.0')
    expect(formatTenths(4)).toBe('0.4')
    expect(formatHundredths(56)).toBe('0.56')
    expect(formatHundredths(120)).toBe('1.20')
    expect(formatHundredths(5)).toBe('0.05')
  })
})

describe('shares', () => {
  it('takes the half-up percent and its phrase', () => {
    expect(shareFigure(31, 55)).toEqual({ value: 56.4, phrase: '6割弱' })
    expect(shareFigure(11, 55)).toEqual({ value: 20, phrase: '2割' })
    expect(shareFigure(17, 23)).toEqual({ value: 73.9, phrase: '7割以上' })
    expect(shareFigure(9, 16)).toEqual({ value: 56.3, phrase: '6割弱' })
  })

  it('agrees with percentHalfUp for every count out of 1 to 120', () => {
    for (let d = 1; d <= 120; d++) {
      for (let n = 0; n <= d; n++) {
        const { value, phrase } = shareFigure(n, d)
        expect(value).toBe(percentHalfUp(n, d))
        expect(phrase).toBe(sharePhrase(value))
      }
    }
  })
})

describe('the monthly trend', () => {
  it('is last ÷ first to two decimals with its word at the thresholds', () => {
    expect(trendFigure(87, 156)).toEqual({ value: 0.56, phrase: '減少傾向' })
    expect(trendFigure(120, 100)).toEqual({ value: 1.2, phrase: '増加傾向' })
    expect(trendFigure(119, 100)).toEqual({ value: 1.19, phrase: '横ばい' })
    expect(trendFigure(81, 100)).toEqual({ value: 0.81, phrase: '横ばい' })
    expect(trendFigure(80, 100)).toEqual({ value: 0.8, phrase: '減少傾向' })
    expect(trendFigure(100, 100)).toEqual({ value: 1, phrase: '横ばい' })
    // 1199.5 hundredths… rounds half up across the edge: 2399 ÷ 2000 = 1.1995 → 1.20
    expect(trendFigure(2399, 2000)).toEqual({ value: 1.2, phrase: '増加傾向' })
    expect(ratioHundredths(1601, 2000)).toBe(80) // 0.8005 → 0.80
  })
})
