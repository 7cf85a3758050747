import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '#shared/contracts/audit.ts'
import { groupPageViews, viewLabel } from './page-views.ts'

let next = 100
function row(at: string, action: string, over: Partial<AuditEntry> = {}): AuditEntry {
  next -= 1
  return {
    id: next,
    at,
    actorLogin: 'tanaka',
    actorName: '田中',
    action,
    recordType: 'case',
    recordId: 'c1',
    clientAddress: null,
    detail: null,
    caseId: 'c1',
    caseNo: '2026-00001',
    ...over,
  }
}

describe('one line per page view', () => {
  it('folds the rows of one case view (newest first) and keeps other rows apart', () => {
    const rows = [
      row('2026-11-24T01:00:20Z', 'person.list'),
      row('2026-11-24T01:00:19Z', 'contact.list'),
      row('2026-11-24T01:00:18Z', 'case.history'),
      row('2026-11-24T01:00:18Z', 'case.read'),
      // Another person on the same case at the same moment: a view of their own.
      row('2026-11-24T01:00:17Z', 'case.read', { actorLogin: 'suzuki' }),
      // The same person, the same case, ten minutes earlier: an earlier view.
      row('2026-11-24T00:50:00Z', 'case.read'),
      // Rows about no case never fold, even back to back.
      row('2026-11-24T00:49:00Z', 'case.list', { caseId: null, caseNo: null }),
      row('2026-11-24T00:49:00Z', 'case.list', { caseId: null, caseNo: null }),
    ]
    const views = groupPageViews(rows)
    expect(views.map((v) => v.entries.length)).toEqual([4, 1, 1, 1, 1])
    expect(views[0]!.at).toBe('2026-11-24T01:00:20Z')
    expect(viewLabel(views[0]!)).toBe('ケースの閲覧（記録4件）')
    expect(viewLabel(views[1]!)).toBe('ケースの閲覧')
    expect(viewLabel(views[3]!)).toBe('ケース一覧の閲覧')
  })
})
