// Two-factor authentication: TOTP (RFC 6238) from an authenticator app, with single-use recovery
// codes. The login answers which second step it still needs (auth.ts: secondFactor); these
// endpoints complete it, enrol, disable, and let an administrator reset another account.
import { z } from 'zod'
import { me } from './auth.ts'
import { idParams, textInput } from './common.ts'
import { defineContract, noContent } from './define.ts'

/** What a person can type as a code: digits, letters, spaces and hyphens; full-width is folded. */
export const RECOVERY_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
export const RECOVERY_CODE_LENGTH = 10
export const RECOVERY_CODE_COUNT = 10

/** A typed code in its plain form: NFKC (full-width digits), lower case, no spaces or hyphens. */
export function normaliseCode(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-‐－ー]/gu, '')
}

export function isTotpCode(code: string): boolean {
  return /^\d{6}$/.test(code)
}

export function isRecoveryCode(code: string): boolean {
  return new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`).test(code)
}

const CODE_MESSAGE = '確認コード（6桁の数字）または回復コード（10文字）を入力してください'

/** A TOTP code or a recovery code as typed; the server tells which by its form. */
export const secondFactorCode = textInput({ error: CODE_MESSAGE })
  .max(40, { error: CODE_MESSAGE })
  .transform((text, ctx) => {
    const code = normaliseCode(text)
    if (!isTotpCode(code) && !isRecoveryCode(code)) {
      ctx.addIssue({ code: 'custom', message: CODE_MESSAGE })
      return z.NEVER
    }
    return code
  })

/** Only a TOTP code (confirming an authenticator app): a recovery code makes no sense there. */
export const totpCode = textInput({ error: '確認コードを入力してください' })
  .max(40, { error: '確認コードは6桁の数字で入力してください' })
  .transform((text, ctx) => {
    const code = normaliseCode(text)
    if (!isTotpCode(code)) {
      ctx.addIssue({ code: 'custom', message: '確認コードは6桁の数字で入力してください' })
      return z.NEVER
    }
    return code
  })

export const twoFactorStatus = z
  .object({
    enabled: z.boolean().describe('An authenticator app is enrolled and confirmed'),
    enabledAt: z.string().nullable(),
    recoveryCodesLeft: z.number().int(),
    required: z.boolean().describe('The city requires two-factor authentication for this account’s role'),
  })
  .meta({ id: 'TwoFactorStatus' })
export type TwoFactorStatus = z.infer<typeof twoFactorStatus>

export const getTwoFactor = defineContract({
  method: 'GET',
  path: '/api/auth/two-factor',
  summary: 'The signed-in account’s two-factor status (also while only enrolment is allowed)',
  tags: ['auth'],
  response: twoFactorStatus,
})

export const startEnrolment = defineContract({
  method: 'POST',
  path: '/api/auth/two-factor/enrolment',
  summary: 'Start (or restart) enrolling an authenticator app: a new secret, its URI and QR code',
  tags: ['auth'],
  response: z.object({
    secret: z.string().describe('Base32, for typing into the app by hand'),
    otpauthUri: z.string(),
    qrSvg: z.string().describe('The otpauth URI as a QR code, an SVG document'),
  }),
})

export const confirmEnrolment = defineContract({
  method: 'POST',
  path: '/api/auth/two-factor/enrolment/confirm',
  summary: 'Confirm enrolment with a first code; answers the recovery codes, shown this once only',
  tags: ['auth'],
  body: z.object({ code: totpCode }),
  response: z.object({ recoveryCodes: z.array(z.string()), account: me, csrfToken: z.string() }),
})

export const verifySecondFactor = defineContract({
  method: 'POST',
  path: '/api/auth/two-factor/verify',
  summary: 'Complete a login with a TOTP code or a recovery code',
  tags: ['auth'],
  body: z.object({ code: secondFactorCode }),
  response: z.object({ account: me, csrfToken: z.string() }),
})

export const disableTwoFactor = defineContract({
  method: 'POST',
  path: '/api/auth/two-factor/disable',
  summary: 'Turn two-factor authentication off for one’s own account (password required)',
  tags: ['auth'],
  body: z.object({
    password: textInput({ error: 'パスワードを入力してください' })
      .min(1, { error: 'パスワードを入力してください' })
      .max(200, { error: 'パスワードは200文字以内です' }),
  }),
  response: noContent,
  status: 204,
})

export const getAccountTwoFactor = defineContract({
  method: 'GET',
  path: '/api/accounts/:id/two-factor',
  summary: 'An account’s two-factor status (administrators)',
  tags: ['accounts'],
  params: idParams,
  response: twoFactorStatus,
})

export const resetAccountTwoFactor = defineContract({
  method: 'POST',
  path: '/api/accounts/:id/two-factor/reset',
  summary: 'Remove an account’s authenticator and recovery codes and end its sessions (administrators)',
  tags: ['accounts'],
  params: idParams,
  response: noContent,
  status: 204,
})
