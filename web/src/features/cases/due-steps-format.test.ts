import { describe, expect, it } from 'vitest'
import { dueStateText, dueWhenText, splitMine } from './due-steps-format.ts'

describe('how a due next step is shown', () => {
  it('writes the due date in 和暦 with the time when there is one', () => {
    expect(dueWhenText({ dueOn: '2026-12-01', dueTime: '10:00' })).toBe('令和8年12月1日 10:00')
    expect(dueWhenText({ dueOn: '2026-12-01', dueTime: null })).toBe('令和8年12月1日')
  })

  it('says in words how due it is', () => {
    const today = '2026-11-24'
    expect(dueStateText({ dueOn: '2026-11-21', bucket: 'overdue' }, today)).toBe('期限切れ（3日超過）')
    expect(dueStateText({ dueOn: '2026-11-24', bucket: 'today' }, today)).toBe('今日')
    expect(dueStateText({ dueOn: '2026-11-25', bucket: 'upcoming' }, today)).toBe('明日')
    expect(dueStateText({ dueOn: '2026-11-28', bucket: 'upcoming' }, today)).toBe('あと4日')
  })

  it('splits the caller’s own steps from the team’s, keeping the order', () => {
    const step = (caseNo: string, mine: boolean) =>
      ({ caseNo, mine }) as Parameters<typeof splitMine>[0][number]
    const { mine, others } = splitMine([step('1', true), step('2', false), step('3', true)])
    expect(mine.map((s) => s.caseNo)).toEqual(['1', '3'])
    expect(others.map((s) => s.caseNo)).toEqual(['2'])
  })
})
