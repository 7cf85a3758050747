// What the lead worker's home lists from their cases (GET /api/my-cases): what is due, what has
// gone quiet, and every led case by its next review. Pure, so the rules are tested without a page.
import { type MyCase, REVIEW_DUE_DAYS } from '#shared/contracts/accompaniment.ts'
import { addDays, daysBetween } from '#shared/dates.ts'

export interface DueItem {
  case: MyCase
  /** Days until the review (negative: overdue by that many days). */
  daysLeft: number
}

export interface HomeLists {
  /** 確認日 passed or within REVIEW_DUE_DAYS: the support record and 経過のまとめ are due before it. */
  due: DueItem[]
  /** No support activity for noActivityDays or more: a contact is due. Longest quiet first. */
  quiet: MyCase[]
  /** The cases the caller leads (not those only assigned a task), next review first, none last. */
  led: MyCase[]
}

const byReview = (a: MyCase, b: MyCase) =>
  (a.nextReviewOn ?? '9999-12-31').localeCompare(b.nextReviewOn ?? '9999-12-31') ||
  a.caseNo.localeCompare(b.caseNo)

export function homeLists(items: MyCase[], today: string): HomeLists {
  const until = addDays(today, REVIEW_DUE_DAYS)
  const due = items
    .filter((c) => c.nextReviewOn !== null && c.nextReviewOn <= until)
    .sort(byReview)
    .map((c) => ({ case: c, daysLeft: daysBetween(today, c.nextReviewOn!) }))
  const quiet = items
    .filter((c) => c.noRecentActivity)
    .sort((a, b) => b.daysWithoutActivity - a.daysWithoutActivity || a.caseNo.localeCompare(b.caseNo))
  const led = items.filter((c) => c.relation === 'lead').sort(byReview)
  return { due, quiet, led }
}

/** 「確認日を3日過ぎています」「確認日は今日です」「確認日まであと5日」 */
export function dueText(daysLeft: number): string {
  if (daysLeft < 0) return `確認日を${-daysLeft}日過ぎています`
  if (daysLeft === 0) return '確認日は今日です'
  return `確認日まであと${daysLeft}日`
}
