import type { MyCase } from '#shared/contracts/accompaniment.ts'

export const MY_CASE_SORTS = ['nextReviewOn', 'lastActivityOn', 'caseNo'] as const
export type MyCaseSort = (typeof MY_CASE_SORTS)[number]
export type SortOrder = 'asc' | 'desc'

/** The order a column sorts in first: the soonest review, the longest without activity. */
export const DEFAULT_ORDER: Record<MyCaseSort, SortOrder> = {
  nextReviewOn: 'asc',
  lastActivityOn: 'asc',
  caseNo: 'asc',
}

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

/**
 * Sorts "my cases" in the browser (the list is one worker's, never long). Cases without a
 * review date stay last whichever the order; "last activity" sorts by what the no-activity
 * count starts from, so a case never worked on sits with the oldest.
 */
export function sortMyCases(items: readonly MyCase[], sort: MyCaseSort, order: SortOrder): MyCase[] {
  const sign = order === 'asc' ? 1 : -1
  const key = (c: MyCase): string | null =>
    sort === 'nextReviewOn' ? c.nextReviewOn : sort === 'lastActivityOn' ? c.inactiveSince : c.caseNo
  return [...items].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    if (ka === null || kb === null) return compareText(ka, kb)
    return sign * compareText(ka, kb) || compareText(a.caseNo, b.caseNo)
  })
}
