import { z } from 'zod'
import { codesOf, ROLES, type Role } from '../codes.ts'
import { SEMINAR_RETENTION_MAX_DAYS, SEMINAR_RETENTION_MIN_DAYS } from '../seminar-settings.ts'
import { dateInput, pageOf, pageQuery, textInput } from './common.ts'
import { defineContract } from './define.ts'

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorLogin: z.string().nullable(),
  actorName: z.string().nullable().describe('The account’s name (null for failed logins and the system)'),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  clientAddress: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  caseId: z
    .string()
    .nullable()
    .describe('The case the row is about (the record, or the caseId of its detail)'),
  caseNo: z.string().nullable().describe('That case’s number'),
})
export type AuditEntry = z.infer<typeof auditEntry>

/** The list's filters; the CSV export takes the same. */
export const auditFilters = z.object({
  from: dateInput.optional(),
  to: dateInput.optional(),
  action: textInput().trim().max(60).optional(),
  actor: textInput().trim().max(64).optional().describe('Login ID'),
  recordType: textInput().trim().max(40).optional(),
  recordId: textInput().trim().max(100).optional(),
  caseNo: textInput().trim().max(40).optional().describe('ケース番号: rows about that case'),
})

export const listAudit = defineContract({
  method: 'GET',
  path: '/api/audit',
  summary: 'The audit log, newest first (administrators)',
  tags: ['audit'],
  query: auditFilters.extend(pageQuery),
  response: pageOf(auditEntry),
})

/** At most this many rows go in one CSV export; a narrower filter gets the rest. */
export const AUDIT_EXPORT_LIMIT = 50_000

export const listAuditActors = defineContract({
  method: 'GET',
  path: '/api/audit/actors',
  summary: 'The logins that appear in the audit log, with the account’s name (administrators)',
  tags: ['audit'],
  response: z.array(z.object({ login: z.string(), name: z.string().nullable() })),
})

/** Days after a meeting that invited agencies may read its agenda's cases (settings key 'agencyViewDays'). */
export const DEFAULT_AGENCY_VIEW_DAYS = 30
export const DEFAULT_NO_CONTACT_DAYS = 14
/** Roles that must use two-factor authentication until an administrator says otherwise ('twoFactorRoles'). */
export const DEFAULT_TWO_FACTOR_ROLES: Role[] = ['headquarters', 'admin']

/**
 * A whole number typed into a form: empty says so, text that is not a number says so, and
 * the range names its unit (日, 件).
 */
function wholeNumber(min: number, max: number, unit: string) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z
      .number({
        error: (iss) => (iss.input === undefined ? '数字を入力してください' : '数字で入力してください'),
      })
      .int({ error: '整数で入力してください' })
      .min(min, { error: `${min}${unit}以上で入力してください` })
      .max(max, { error: `${max}${unit}以内で入力してください` }),
  )
}

export const CASELOAD_THRESHOLD_MAX = 200

export const citySettings = z
  .object({
    noContactDays: z.number().int().describe('作業一覧で「対応なし」とするまでの日数'),
    agencyViewDays: z
      .number()
      .int()
      .describe('How many days after a meeting its invited agencies may still read the agenda’s cases'),
    handoverWaitDays: z
      .number()
      .int()
      .describe('Days a case may wait in a ward’s inbox before the coordinator’s home flags it'),
    caseloadThresholds: z
      .object({
        accompaniment_worker: z.number().int(),
        ward_staff: z.number().int(),
        agency_member: z.number().int(),
      })
      .describe('Open cases led above which a worker (or section, agency) is flagged as overloaded'),
    twoFactorRoles: z
      .array(z.enum(codesOf(ROLES)))
      .describe('Roles whose accounts must use two-factor authentication (TOTP) to sign in'),
    seminarRetentionDays: z
      .number()
      .int()
      .describe(
        'Days after a seminar after which its registrants’ name, contacts and note are removed (counts and attendance stay)',
      ),
  })
  .meta({ id: 'CitySettings' })
export type CitySettings = z.infer<typeof citySettings>

export const getSettings = defineContract({
  method: 'GET',
  path: '/api/settings',
  summary: 'City settings (administrators)',
  tags: ['settings'],
  response: citySettings,
})

const threshold = wholeNumber(1, CASELOAD_THRESHOLD_MAX, '件')

export const updateSettings = defineContract({
  method: 'PUT',
  path: '/api/settings',
  summary: 'Change city settings (administrators); a setting left out keeps its value',
  tags: ['settings'],
  body: z.object({
    noContactDays: wholeNumber(1, 365, '日').optional(),
    agencyViewDays: wholeNumber(0, 365, '日').optional(),
    handoverWaitDays: wholeNumber(1, 365, '日').optional(),
    caseloadThresholds: z
      .object({
        accompaniment_worker: threshold.optional(),
        ward_staff: threshold.optional(),
        agency_member: threshold.optional(),
      })
      .optional(),
    twoFactorRoles: z
      .array(z.enum(codesOf(ROLES), { error: '役割の値が正しくありません' }), {
        error: '役割を選択してください',
      })
      .max(ROLES.length)
      .transform((roles) => ROLES.map((r) => r.code).filter((code) => roles.includes(code)))
      .optional(),
    seminarRetentionDays: wholeNumber(
      SEMINAR_RETENTION_MIN_DAYS,
      SEMINAR_RETENTION_MAX_DAYS,
      '日',
    ).optional(),
  }),
  response: citySettings,
})
