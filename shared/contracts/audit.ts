import { z } from 'zod'
import { dateInput, pageOf, pageQuery } from './common.ts'
import { defineContract } from './define.ts'

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorLogin: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  clientAddress: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
})
export type AuditEntry = z.infer<typeof auditEntry>

export const listAudit = defineContract({
  method: 'GET',
  path: '/api/audit',
  summary: 'The audit log, newest first (administrators)',
  tags: ['audit'],
  query: z.object({
    from: dateInput.optional(),
    to: dateInput.optional(),
    action: z.string().trim().max(60).optional(),
    actor: z.string().trim().max(64).optional().describe('Login ID'),
    recordType: z.string().trim().max(40).optional(),
    recordId: z.string().trim().max(100).optional(),
    ...pageQuery,
  }),
  response: pageOf(auditEntry),
})

export const getSettings = defineContract({
  method: 'GET',
  path: '/api/settings',
  summary: 'City settings (administrators)',
  tags: ['settings'],
  response: z.object({ noContactDays: z.number().int() }),
})

export const updateSettings = defineContract({
  method: 'PUT',
  path: '/api/settings',
  summary: 'Change city settings (administrators)',
  tags: ['settings'],
  body: z.object({
    noContactDays: z.coerce
      .number({ error: '日数を数字で入力してください' })
      .int({ error: '日数は整数で入力してください' })
      .min(1, { error: '1日以上で入力してください' })
      .max(365, { error: '365日以内で入力してください' }),
  }),
  response: z.object({ noContactDays: z.number().int() }),
})
