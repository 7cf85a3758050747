import { describe, expect, it } from 'vitest'
import type { MyCase } from '#shared/contracts/accompaniment.ts'
import { sortMyCases } from './my-cases-sort.ts'

const aCase = (caseNo: string, nextReviewOn: string | null, inactiveSince: string): MyCase => ({
  id: caseNo,
  caseNo,
  name: null,
  ageBand: 'unknown',
  ward: 'sakyo',
  lead: 'accompaniment',
  leadUnitName: null,
  leadAccountName: null,
  relation: 'lead',
  nextReviewOn,
  reviewOverdue: false,
  lastActivityOn: null,
  inactiveSince,
  daysWithoutActivity: 0,
  noRecentActivity: false,
})

const cases = [
  aCase('2026-00003', '2026-12-01', '2026-11-01'),
  aCase('2026-00001', null, '2026-10-01'),
  aCase('2026-00002', '2026-11-20', '2026-11-20'),
]
const order = (list: MyCase[]) => list.map((c) => c.caseNo)

describe('sortMyCases', () => {
  it('puts the soonest review first and cases without a review date last, in either order', () => {
    expect(order(sortMyCases(cases, 'nextReviewOn', 'asc'))).toEqual([
      '2026-00002',
      '2026-00003',
      '2026-00001',
    ])
    expect(order(sortMyCases(cases, 'nextReviewOn', 'desc'))).toEqual([
      '2026-00003',
      '2026-00002',
      '2026-00001',
    ])
  })

  it('sorts by how long a case has gone without activity', () => {
    expect(order(sortMyCases(cases, 'lastActivityOn', 'asc'))).toEqual([
      '2026-00001',
      '2026-00003',
      '2026-00002',
    ])
  })

  it('does not change the list it was given', () => {
    sortMyCases(cases, 'caseNo', 'desc')
    expect(order(cases)).toEqual(['2026-00003', '2026-00001', '2026-00002'])
  })
})
