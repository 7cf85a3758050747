import type { BodyOf } from '#shared/contracts/define.ts'
import type { InquirySettings, updateInquirySettings } from '#shared/contracts/inquiries.ts'

export const INQUIRY_SETTINGS_LABELS = {
  crisisWords: '緊急とする語句',
  overdueHours: '期限超過とするまでの時間',
  idleCloseDays: '自動で終了するまでの日数',
  retentionDays: '本文を消去するまでの日数',
} as const
export type InquirySettingsField = keyof typeof INQUIRY_SETTINGS_LABELS

export interface InquirySettingsValues {
  crisisWords: string
  overdueHours: string
  idleCloseDays: string
  retentionDays: string
}

/** The crisis words one per line, the numbers as typed text (the server says what is wrong with them). */
export function valuesFromInquirySettings(s: InquirySettings): InquirySettingsValues {
  return {
    crisisWords: s.crisisWords.join('\n'),
    overdueHours: String(s.overdueHours),
    idleCloseDays: String(s.idleCloseDays),
    retentionDays: String(s.retentionDays),
  }
}

/** Blank lines between words are left out; everything else goes to the server as typed. */
export function inquirySettingsBody(v: InquirySettingsValues): BodyOf<typeof updateInquirySettings> {
  return {
    crisisWords: v.crisisWords
      .split(/\r?\n/)
      .map((w) => w.trim())
      .filter((w) => w !== ''),
    overdueHours: v.overdueHours as never,
    idleCloseDays: v.idleCloseDays as never,
    retentionDays: v.retentionDays as never,
  }
}

/** `crisisWords.3` (the fourth word, blank lines left out) belongs to the words' field; the message says which word. */
export function wordNumberOfError(field: string): number | null {
  const m = /^crisisWords\.(\d+)$/.exec(field)
  return m ? Number(m[1]) + 1 : null
}
