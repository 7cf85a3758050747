import { describe, expect, it } from 'vitest'
import { formatDateReading } from './dates.ts'
import { parseLedgerDate } from './interchange/values.ts'
import { DATE_REASONS, parseDateText, typedDate } from './typed-dates.ts'

describe('parseDateText (forms, API and importer alike)', () => {
  it.each([
    ['令和8年12月1日', '2026-12-01'],
    ['R8.12.1', '2026-12-01'],
    ['R8/12/1', '2026-12-01'],
    ['r8-12-1', '2026-12-01'],
    ['ｒ８．１２．１', '2026-12-01'],
    ['Ｒ８／１２／１', '2026-12-01'],
    ['令和８年１２月１日', '2026-12-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R元.5.1', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['2026-12-01', '2026-12-01'],
    ['2026/12/1', '2026-12-01'],
    ['2026年12月1日', '2026-12-01'],
    ['２０２６／１２／１', '2026-12-01'],
    [' 2026/12/1 ', '2026-12-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateText(text)).toEqual({ ok: true, value: iso })
    expect(typedDate(text)).toBe(iso)
  })

  it.each([
    ['R8.2.30', DATE_REASONS.notReal],
    ['2026/2/29', DATE_REASONS.notReal],
    ['平成31年5月1日', DATE_REASONS.outsideEra],
    ['H31.5.1', DATE_REASONS.outsideEra],
    ['令和1年4月30日', DATE_REASONS.outsideEra],
    ['', DATE_REASONS.notADate],
    ['12/1', DATE_REASONS.notADate],
    ['来週の火曜', DATE_REASONS.notADate],
    ['20261201', DATE_REASONS.notADate],
  ])('refuses %s', (text, reason) => {
    expect(parseDateText(text)).toEqual({ ok: false, reason })
    expect(typedDate(text)).toBeUndefined()
  })

  it('is what the importer reads: the same answer for every typed form', () => {
    for (const text of ['令和8年12月1日', 'R8.12.1', 'ｒ８．１２．１', 'R8.2.30', '平成31年5月1日', 'x']) {
      const ledger = parseLedgerDate(text)
      expect(ledger).toEqual(parseDateText(text))
    }
  })

  it('never echoes the text in its reason', () => {
    const reading = parseDateText('山田太郎')
    expect(reading.ok).toBe(false)
    if (!reading.ok) expect(reading.reason).not.toContain('山田')
  })
})

describe('formatDateReading', () => {
  it('reads a date back as 西暦 with its era year', () => {
    expect(formatDateReading('2026-12-01')).toBe('2026年12月1日（令和8年）')
    expect(formatDateReading('2019-05-01')).toBe('2019年5月1日（令和元年）')
    expect(formatDateReading('2019-04-30')).toBe('2019年4月30日（平成31年）')
  })
})
