import { z } from 'zod'
import { codesOf, ROLES, UNIT_KINDS } from '../codes.ts'
import { can } from './abilities.ts'
import { requiredText, textInput } from './common.ts'
import { defineContract, noContent } from './define.ts'

export const PASSWORD_MIN_LENGTH = 12

export const password = textInput({ error: 'パスワードを入力してください' })
  .min(PASSWORD_MIN_LENGTH, { error: `パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください` })
  .max(200, { error: 'パスワードは200文字以内にしてください' })
  // Control characters (NUL, tab, newline…) cannot be typed into a password field and break
  // other software the password may be pasted into.
  .refine((s) => !/[\p{Cc}]/u.test(s), { error: 'パスワードに制御文字（改行・タブなど）は使えません' })
  .refine((s) => !/[\uD800-\uDFFF]/u.test(s), { error: 'パスワードに使えない文字が含まれています' })

export const loginId = textInput({ error: 'ログインIDを入力してください' })
  .trim()
  .min(3, { error: 'ログインIDは3文字以上にしてください' })
  .max(64, { error: 'ログインIDは64文字以内にしてください' })
  .regex(/^[A-Za-z0-9._-]+$/, { error: 'ログインIDは半角英数字と . _ - で入力してください' })

/** The signed-in staff member, as the web app needs it. */
export const me = z
  .object({
    id: z.uuid(),
    loginId: z.string(),
    name: z.string(),
    role: z.enum(codesOf(ROLES)),
    unit: z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(codesOf(UNIT_KINDS)),
      wardCode: z.string().nullable(),
    }),
    cityName: z.string(),
    cityId: z.string().describe('The city’s id: the login page after logging out asks for this city again'),
    can,
  })
  .meta({ id: 'Me' })
export type Me = z.infer<typeof me>

/** The second step a password-verified login still needs: a code, or enrolling an app first. */
export const pendingSecondFactor = z
  .enum(['totp', 'enrol'])
  .nullable()
  .describe('totp: send a code to /api/auth/two-factor/verify; enrol: only the enrolment endpoints answer')

export const getSession = defineContract({
  method: 'GET',
  path: '/api/auth/session',
  summary: 'The current session and a CSRF token for state-changing requests',
  tags: ['auth'],
  response: z.object({
    account: me.nullable(),
    csrfToken: z.string(),
    idleMinutes: z.number().int(),
    secondFactor: pendingSecondFactor,
  }),
})

export const login = defineContract({
  method: 'POST',
  path: '/api/auth/login',
  summary: 'Log in with a login ID and password',
  tags: ['auth'],
  body: z.object({
    city: textInput().trim().optional().describe('City id; omitted in a one-city deployment'),
    loginId: requiredText(64, 'ログインID'),
    password: textInput({ error: 'パスワードを入力してください' })
      .min(1, { error: 'パスワードを入力してください' })
      .max(200),
  }),
  response: z.object({
    account: me.nullable().describe('Null until the second factor is done'),
    csrfToken: z.string(),
    secondFactor: pendingSecondFactor,
  }),
})

export const logout = defineContract({
  method: 'POST',
  path: '/api/auth/logout',
  summary: 'End the session',
  tags: ['auth'],
  response: noContent,
  status: 204,
})

/**
 * A one-time link's token travels in the URL fragment (/setup#token=…), which browsers never send,
 * and from the page to the server in a POST body: never in a path or query the server would log
 * or a Referer would carry.
 */
const linkToken = textInput({ error: 'リンクが正しくありません', invalid: 'リンクが正しくありません' })
  .min(10, { error: 'リンクが正しくありません' })
  .max(200, { error: 'リンクが正しくありません' })
  // `<city>.<random>` in URL-safe characters: anything else is no link of ours, and never reaches a query.
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { error: 'リンクが正しくありません' })

export const describePasswordLink = defineContract({
  method: 'POST',
  path: '/api/auth/password-links/describe',
  summary: 'What a one-time password link is for (first administrator or password reset); does not use it',
  tags: ['auth'],
  body: z.object({ token: linkToken }),
  response: z.object({
    purpose: z.enum(['first_admin', 'reset']),
    loginId: z.string().nullable(),
    name: z.string().nullable(),
    choosesOrganisation: z
      .boolean()
      .describe(
        "A new city's first administrator chooses to start from the reference city's organisation or an empty one",
      ),
  }),
})

export const usePasswordLink = defineContract({
  method: 'POST',
  path: '/api/auth/password-links/use',
  summary: 'Set a password through a one-time link (creates the first administrator); the link is used up',
  tags: ['auth'],
  body: z.object({
    token: linkToken,
    loginId: loginId.optional().describe('First administrator only'),
    name: requiredText(100, '氏名').optional().describe('First administrator only'),
    organisation: z
      .enum(['reference', 'empty'], { error: '組織の始め方を選択してください' })
      .optional()
      .describe(
        "First administrator of a new city: start from the reference city's organisation or an empty one",
      ),
    password,
  }),
  response: noContent,
  status: 204,
})
