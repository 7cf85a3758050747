// The city's settings for the web consultation (ウェブ相談), stored in the settings table under
// these keys; each reader falls back to the default here until the administrator sets one.

export const INQUIRY_SETTING_KEYS = {
  /** string[]: words that flag a message 緊急 (suicide, self-harm), matched after NFKC folding. */
  crisisWords: 'inquiry.crisisWords',
  /** number: hours a resident's message may wait for a reply before it shows as overdue. */
  overdueHours: 'inquiry.overdueHours',
  /** number: days without a message after which a thread is closed. */
  idleCloseDays: 'inquiry.idleCloseDays',
  /** number: days after closing after which the messages' text is removed (audited). */
  retentionDays: 'inquiry.retentionDays',
} as const

export const INQUIRY_SETTING_DEFAULTS = {
  crisisWords: ['死にたい', '自殺', '消えたい', '自傷', 'リストカット', '生きていたくない', '殺して'],
  overdueHours: 48,
  idleCloseDays: 90,
  retentionDays: 1095,
} as const
