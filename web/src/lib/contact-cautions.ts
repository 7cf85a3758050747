import type { Person } from '#shared/contracts/people.ts'

export interface Caution {
  text: string
  /** Something the caller must not do (or has not been asked about): shown as a warning. */
  warn: boolean
}

/**
 * 連絡時の配慮 in the words staff read before they dial, most binding first. A caution not yet
 * asked is a warning too: until the family has said, the safe way is the careful one.
 */
export function cautionsOf(p: Pick<Person, 'keepFromPerson' | 'mayNameCity' | 'mayLeaveMessage'>): Caution[] {
  const out: Caution[] = []
  if (p.keepFromPerson === true) out.push({ text: '本人に知られないように連絡する', warn: true })
  if (p.mayNameCity === false) out.push({ text: '市役所名を名乗らない', warn: true })
  if (p.mayLeaveMessage === false) out.push({ text: '留守電にメッセージを残さない', warn: true })
  if (p.mayNameCity === null) out.push({ text: '市役所名を名乗ってよいか未確認', warn: true })
  if (p.mayLeaveMessage === null) out.push({ text: '留守電に残してよいか未確認', warn: true })
  if (p.keepFromPerson === null) out.push({ text: '本人に知られてよいか未確認', warn: true })
  if (p.mayNameCity === true) out.push({ text: '市役所名を名乗ってよい', warn: false })
  if (p.mayLeaveMessage === true) out.push({ text: '留守電に残してよい', warn: false })
  if (p.keepFromPerson === false) out.push({ text: '本人に知られてもよい', warn: false })
  return out
}
