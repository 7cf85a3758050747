/** はい / いいえ / 未確認 (or not known) as a radio group holds them. */
export type YesNo = '' | 'yes' | 'no'

/** The API's true / false / null for a radio's value. */
export const boolOf = (v: YesNo): boolean | null => (v === '' ? null : v === 'yes')

export const yesNoOf = (b: boolean | null): YesNo => (b === null ? '' : b ? 'yes' : 'no')
