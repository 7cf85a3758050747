import type { DueStep } from '#shared/contracts/due-steps.ts'
import { daysBetween, formatWareki } from '#shared/dates.ts'

/** 令和8年12月1日 10:00, or the date alone when no time was set. */
export function dueWhenText(step: Pick<DueStep, 'dueOn' | 'dueTime'>): string {
  return `${formatWareki(step.dueOn)}${step.dueTime ? ` ${step.dueTime}` : ''}`
}

/** The words that say how due a step is, so that no colour has to: 期限切れ（3日超過）, 今日, あと2日. */
export function dueStateText(step: Pick<DueStep, 'dueOn' | 'bucket'>, today: string): string {
  const days = daysBetween(today, step.dueOn)
  if (step.bucket === 'overdue') return `期限切れ（${-days}日超過）`
  if (step.bucket === 'today') return '今日'
  return days === 1 ? '明日' : `あと${days}日`
}

/** The caller's own steps, then everyone else's, as the list shows them in two tables. */
export function splitMine(items: DueStep[]): { mine: DueStep[]; others: DueStep[] } {
  return { mine: items.filter((i) => i.mine), others: items.filter((i) => !i.mine) }
}
