import { describe, expect, it } from 'vitest'
import type { MyCase } from '#shared/contracts/accompaniment.ts'
import { dueText, homeLists } from './home-today.ts'

const base: MyCase = {
  id: '00000000-0000-4000-8000-000000000000',
  caseNo: '2026-00001',
  name: null,
  ageBand: 'under40',
  ward: 'sakyo',
  lead: 'accompaniment',
  leadUnitName: null,
  leadAccountName: null,
  relation: 'lead',
  nextReviewOn: null,
  reviewOverdue: false,
  lastActivityOn: null,
  inactiveSince: '2026-11-01',
  daysWithoutActivity: 0,
  noRecentActivity: false,
}
const make = (caseNo: string, over: Partial<MyCase>): MyCase => ({ ...base, id: caseNo, caseNo, ...over })

describe('the lead worker’s home lists', () => {
  const today = '2026-11-24'
  const overdue = make('2026-00003', { nextReviewOn: '2026-11-20', reviewOverdue: true })
  const soon = make('2026-00002', { nextReviewOn: '2026-12-08' })
  const later = make('2026-00001', { nextReviewOn: '2026-12-09' })
  const none = make('2026-00004', { noRecentActivity: true, daysWithoutActivity: 31 })
  const quieter = make('2026-00005', {
    noRecentActivity: true,
    daysWithoutActivity: 90,
    nextReviewOn: '2027-01-10',
  })
  const assigned = make('2026-00006', { relation: 'assigned', nextReviewOn: '2026-11-25' })
  const lists = homeLists([later, none, soon, quieter, overdue, assigned], today)

  it('counts a review as due when passed or within 14 days, soonest first', () => {
    expect(lists.due.map((d) => [d.case.caseNo, d.daysLeft])).toEqual([
      ['2026-00003', -4],
      ['2026-00006', 1],
      ['2026-00002', 14],
    ])
  })
  it('lists cases without activity for 30 days, the longest quiet first', () => {
    expect(lists.quiet.map((c) => c.caseNo)).toEqual(['2026-00005', '2026-00004'])
  })
  it('lists the led cases (not tasks only) by next review date, those without one last', () => {
    expect(lists.led.map((c) => c.caseNo)).toEqual([
      '2026-00003',
      '2026-00002',
      '2026-00001',
      '2026-00005',
      '2026-00004',
    ])
  })
  it('says how far the review is in words', () => {
    expect(dueText(-4)).toBe('確認日を4日過ぎています')
    expect(dueText(0)).toBe('確認日は今日です')
    expect(dueText(14)).toBe('確認日まであと14日')
  })
})
