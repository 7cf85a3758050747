import type { Role } from '#shared/codes.ts'
import type { CitySettings, updateSettings } from '#shared/contracts/audit.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { isApiError } from '#web/lib/api-error.ts'
import { type FormErrors, formErrorsFrom } from '#web/lib/form-errors.ts'

/** The form's fields by the API's (dotted) field paths, in the order they appear. */
export const SETTINGS_LABELS = {
  noContactDays: '対応なしとする日数',
  agencyViewDays: '関係機関が会議後に議題を閲覧できる日数',
  handoverWaitDays: '引継ぎ・受付で「待ちが長い」とする日数',
  'caseloadThresholds.accompaniment_worker': 'よりそい支援員の担当件数の上限',
  'caseloadThresholds.ward_staff': '保健福祉センター各課・室の担当件数の上限',
  'caseloadThresholds.agency_member': '専門機関・NPO等の担当件数の上限',
  seminarRetentionDays: '研修会・家族教室の申込みを保存する日数',
} as const

export type SettingsField = keyof typeof SETTINGS_LABELS
export type SettingsFormValues = Record<SettingsField, string>

/** The roles that must use 2FA are a group of check boxes, not typed text. */
export const TWO_FACTOR_ROLES_LABEL = '2段階認証を必須とする役割'
/** Every field's label for the error summary, the check box group included. */
export const ALL_SETTINGS_LABELS = { ...SETTINGS_LABELS, twoFactorRoles: TWO_FACTOR_ROLES_LABEL }

/** A dotted path is not a usable element id in CSS selectors, so the id uses a hyphen. */
export const settingsFieldId = (field: string) => field.replace('.', '-')

export function valuesFromSettings(s: CitySettings): SettingsFormValues {
  return {
    noContactDays: String(s.noContactDays),
    agencyViewDays: String(s.agencyViewDays),
    handoverWaitDays: String(s.handoverWaitDays),
    'caseloadThresholds.accompaniment_worker': String(s.caseloadThresholds.accompaniment_worker),
    'caseloadThresholds.ward_staff': String(s.caseloadThresholds.ward_staff),
    'caseloadThresholds.agency_member': String(s.caseloadThresholds.agency_member),
    seminarRetentionDays: String(s.seminarRetentionDays),
  }
}

/** Numbers are sent as typed, so the server names an empty or non-numeric value in its error. */
export function settingsBody(v: SettingsFormValues, twoFactorRoles: string[]): BodyOf<typeof updateSettings> {
  return {
    twoFactorRoles: twoFactorRoles as Role[],
    noContactDays: v.noContactDays,
    agencyViewDays: v.agencyViewDays,
    handoverWaitDays: v.handoverWaitDays,
    caseloadThresholds: {
      accompaniment_worker: v['caseloadThresholds.accompaniment_worker'],
      ward_staff: v['caseloadThresholds.ward_staff'],
      agency_member: v['caseloadThresholds.agency_member'],
    },
    seminarRetentionDays: v.seminarRetentionDays,
  }
}

/** Field errors keyed by the whole dotted path (each threshold has its own control). */
export function settingsErrorsFrom(error: unknown): FormErrors {
  if (!isApiError(error) || error.status !== 400 || !error.problem.errors?.length) {
    return formErrorsFrom(error, [])
  }
  const fields: Record<string, string> = {}
  const stray: string[] = []
  for (const e of error.problem.errors) {
    // twoFactorRoles.3 (one role of the list) belongs to the group's control.
    const field = e.field.startsWith('twoFactorRoles') ? 'twoFactorRoles' : e.field
    if (field in ALL_SETTINGS_LABELS) fields[field] ??= e.message
    else stray.push(e.message)
  }
  return stray.length ? { fields, general: stray.join(' ') } : { fields }
}
