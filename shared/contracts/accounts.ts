import { z } from 'zod'
import { codesOf, ROLES } from '../codes.ts'
import { loginId } from './auth.ts'
import { codeOf, idParams, pageOf, pageQuery, requiredText, textInput, uuid } from './common.ts'
import { defineContract } from './define.ts'
import { unit } from './org.ts'

export const account = z
  .object({
    id: z.uuid(),
    loginId: z.string(),
    name: z.string(),
    role: z.enum(codesOf(ROLES)),
    unit,
    active: z.boolean(),
    locked: z.boolean().describe('Locked after 10 failed logins, for 15 minutes'),
    hasPassword: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Account' })
export type Account = z.infer<typeof account>

/** A one-time link for the account's owner to set a password; shown once to the administrator. */
export const passwordLink = z.object({ path: z.string(), expiresAt: z.string() })

export const listAccounts = defineContract({
  method: 'GET',
  path: '/api/accounts',
  summary: 'Accounts, filtered and paged (administrators)',
  tags: ['accounts'],
  query: z.object({
    q: textInput().trim().max(100).optional().describe('Part of the name or login ID'),
    role: z.enum(codesOf(ROLES)).optional(),
    unitId: uuid.optional(),
    active: z.enum(['true', 'false']).optional(),
    ...pageQuery,
  }),
  response: pageOf(account),
})

const accountFields = {
  name: requiredText(100, '氏名'),
  role: codeOf(ROLES, '役割'),
  unitId: uuid.describe('Organisation unit'),
  active: z.boolean().default(true),
}

export const createAccount = defineContract({
  method: 'POST',
  path: '/api/accounts',
  summary: 'Create an account; returns the one-time link for its owner to set a password',
  tags: ['accounts'],
  body: z.object({ loginId, ...accountFields }),
  response: z.object({ account, passwordLink }),
  status: 201,
})

export const getAccount = defineContract({
  method: 'GET',
  path: '/api/accounts/:id',
  summary: 'One account (administrators)',
  tags: ['accounts'],
  params: idParams,
  response: account,
})

export const updateAccount = defineContract({
  method: 'PATCH',
  path: '/api/accounts/:id',
  summary: 'Change an account; deactivating it ends its sessions',
  tags: ['accounts'],
  params: idParams,
  body: z.object(accountFields).partial().extend({ unlock: z.boolean().optional() }),
  response: account,
})

export const resetPassword = defineContract({
  method: 'POST',
  path: '/api/accounts/:id/password-reset',
  summary: 'Issue a one-time password link; the old password stops working and sessions end',
  tags: ['accounts'],
  params: idParams,
  response: z.object({ passwordLink }),
})
