// Mail notices: a staff member's own opt-in (new web consultations, overdue ones) and the status of
// a thread's notices as staff see it. Addresses of residents never leave the server.
import { z } from 'zod'
import type { Role } from '../codes.ts'
import { idParams, optionalText } from './common.ts'
import { defineContract } from './define.ts'

/** The roles that work the window's inbox and so may ask for its notices. */
export const MAIL_NOTICE_ROLES = ['window_counsellor'] as const satisfies readonly Role[]

export function receivesInquiryNotices(role: Role): boolean {
  return (MAIL_NOTICE_ROLES as readonly Role[]).includes(role)
}

export const MAIL_MESSAGES = {
  address: 'メールアドレスの形式が正しくありません（例：soudan@city.example.lg.jp）',
  addressNeeded: 'メールで通知を受け取るには、通知先のメールアドレスを入力してください',
} as const

/** One address (no display name, no list): visible ASCII around one @, a dot in the domain. */
export const MAIL_ADDRESS = /^[\x21-\x3f\x41-\x7e]+@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/

export const mailPreferences = z
  .object({
    mailEnabled: z
      .boolean()
      .describe('This deployment has an SMTP relay (YORISOI_SMTP_URL); without it no mail is sent'),
    address: z.string().nullable().describe('Where this account’s notices go (personal data)'),
    newInquiries: z.boolean().describe('A mail when a resident opens a web consultation or writes again'),
    overdueInquiries: z
      .boolean()
      .describe('A mail when a web consultation waits past the city’s overdue hours'),
  })
  .meta({ id: 'MailPreferences' })
export type MailPreferences = z.infer<typeof mailPreferences>

export const mailPreferencesInput = z
  .object({
    address: optionalText(254)
      .transform((v) => (v ? v.normalize('NFKC') : v))
      .refine((v) => v == null || MAIL_ADDRESS.test(v), { error: MAIL_MESSAGES.address }),
    newInquiries: z.boolean({ error: '新しいウェブ相談の通知を受け取るか選択してください' }),
    overdueInquiries: z.boolean({ error: '返信待ちの通知を受け取るか選択してください' }),
  })
  .refine((b) => b.address !== null || (!b.newInquiries && !b.overdueInquiries), {
    path: ['address'],
    error: MAIL_MESSAGES.addressNeeded,
  })

export const getMailPreferences = defineContract({
  method: 'GET',
  path: '/api/account/mail-preferences',
  summary: 'The signed-in account’s mail notices (window counsellors)',
  tags: ['mail'],
  response: mailPreferences,
})

export const putMailPreferences = defineContract({
  method: 'PUT',
  path: '/api/account/mail-preferences',
  summary:
    'Set the signed-in account’s notice address and opt-ins; an empty address with no opt-in removes it',
  tags: ['mail'],
  body: mailPreferencesInput,
  response: mailPreferences,
})

export const NOTICE_STATUSES = ['pending', 'sent', 'failed'] as const

export const threadNotice = z
  .object({
    id: z.string(),
    kind: z.enum(['inquiry_reply_waiting', 'staff_new_inquiry', 'staff_overdue']),
    recipient: z.enum(['resident', 'staff']).describe('Who it goes to; the address itself is never shown'),
    status: z.enum(NOTICE_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable().describe('The relay’s error of the last attempt, without addresses'),
    createdAt: z.string(),
    nextAttemptAt: z.string().nullable().describe('When a pending notice is tried again'),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'ThreadNotice' })
export type ThreadNotice = z.infer<typeof threadNotice>

export const getThreadNotices = defineContract({
  method: 'GET',
  path: '/api/inquiries/:id/notices',
  summary: 'The mail notices of a web consultation thread: pending, sent or failed (with the error)',
  tags: ['mail'],
  params: idParams,
  response: z.object({
    mailEnabled: z.boolean(),
    notices: z.array(threadNotice),
  }),
})
