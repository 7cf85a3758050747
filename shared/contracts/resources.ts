import { z } from 'zod'
import { codesOf, REFERRAL_OUTCOMES, RESOURCE_CATEGORIES, RESOURCE_SERVES } from '../codes.ts'
import {
  dateInput,
  isoDate,
  optionalDateInput,
  optionalText,
  pageOf,
  pageQuery,
  requiredText,
  textInput,
  uuid,
} from './common.ts'
import { defineContract } from './define.ts'

// 社会資源 (the directory headquarters maintains) and つなぎ (a case referred to a resource).

/** How many referrals a resource has had, by outcome: counts only, never whose. */
export const referralCounts = z
  .object({
    total: z.number().int(),
    arranging: z.number().int().describe('調整中'),
    connected: z.number().int().describe('つながった'),
    not_used: z.number().int().describe('利用に至らず'),
  })
  .meta({ id: 'ReferralCounts' })
export type ReferralCounts = z.infer<typeof referralCounts>

export const resource = z
  .object({
    id: z.uuid(),
    resourceNo: z.string().describe('資源番号 (R-0001 when numbered by the product; imported numbers kept)'),
    name: z.string(),
    categories: z.array(z.enum(codesOf(RESOURCE_CATEGORIES))),
    serves: z.array(z.enum(codesOf(RESOURCE_SERVES))),
    ward: z.string().nullable().describe('Ward code; null = city-wide (全市)'),
    wardName: z.string().nullable(),
    subsidyFiscalYears: z.array(z.number().int()).describe('補助金採択年度 (西暦 start year of each 年度)'),
    contact: z.string().nullable(),
    description: z.string().nullable(),
    active: z.boolean(),
    referrals: referralCounts
      .nullable()
      .describe('Referral counts: headquarters and administrators in lists; every reader of one resource'),
    updatedAt: z.string(),
  })
  .meta({ id: 'Resource' })
export type Resource = z.infer<typeof resource>

const flag = z.enum(['true', 'false'], { error: '「true」か「false」を指定してください' })

export const listResources = defineContract({
  method: 'GET',
  path: '/api/resources',
  summary: 'The directory of community resources (every staff role; inactive ones for headquarters)',
  tags: ['resources'],
  query: z.object({
    q: textInput().trim().max(100).optional().describe('Part of the name, number, description or contact'),
    category: z.enum(codesOf(RESOURCE_CATEGORIES), { error: '分類を一覧から選択してください' }).optional(),
    serves: z.enum(codesOf(RESOURCE_SERVES), { error: '対象を一覧から選択してください' }).optional(),
    ward: textInput()
      .trim()
      .max(40)
      .optional()
      .describe(
        'Ward code or name: that ward’s resources and the city-wide ones; "citywide" = city-wide only',
      ),
    subsidised: flag.optional().describe('true = adopted for the city’s subsidy in some 年度'),
    includeInactive: flag.optional().describe('Headquarters and administrators only; ignored for others'),
    ...pageQuery,
  }),
  response: pageOf(resource),
})

export const getResource = defineContract({
  method: 'GET',
  path: '/api/resources/:id',
  summary: 'One community resource with its referral counts by outcome',
  tags: ['resources'],
  params: z.object({ id: uuid }),
  response: resource,
})

const fiscalYear = z.coerce
  .number({ error: '年度は西暦4桁の数字で入力してください' })
  .int({ error: '年度は西暦4桁の数字で入力してください' })
  .min(2000, { error: '年度は2000年度から2100年度の間で入力してください' })
  .max(2100, { error: '年度は2000年度から2100年度の間で入力してください' })

const resourceNo = textInput()
  .trim()
  .max(30, { error: '資源番号は30文字以内で入力してください' })
  .regex(/^\S*$/u, { error: '資源番号に空白は使えません' })
const categories = z
  .array(z.enum(codesOf(RESOURCE_CATEGORIES), { error: '分類を一覧から選択してください' }))
  .max(RESOURCE_CATEGORIES.length)
const serves = z
  .array(z.enum(codesOf(RESOURCE_SERVES), { error: '対象を一覧から選択してください' }))
  .max(RESOURCE_SERVES.length)
/** A ward code or name; empty or null = city-wide. Checked against the city's wards by the service. */
const ward = textInput()
  .trim()
  .max(40, { error: '区を一覧から選択してください' })
  .nullish()
  .describe('Ward code or name (北区, 北); empty or null = city-wide (全市)')
const subsidyFiscalYears = z
  .array(fiscalYear)
  .max(101)
  .describe('補助金採択年度 as 西暦 start years, e.g. 2021 for 令和3年度')

export const createResource = defineContract({
  method: 'POST',
  path: '/api/resources',
  summary: 'Add a community resource (headquarters)',
  tags: ['resources'],
  body: z.object({
    resourceNo: resourceNo.nullish().describe('資源番号; numbered by the product (R-0001…) when not given'),
    name: requiredText(200, '名称'),
    categories: categories.default([]),
    serves: serves.default([]),
    ward,
    subsidyFiscalYears: subsidyFiscalYears.default([]),
    contact: optionalText(200),
    description: optionalText(2000, { multiline: true }),
  }),
  response: resource,
  status: 201,
})

export const updateResource = defineContract({
  method: 'PATCH',
  path: '/api/resources/:id',
  summary: 'Change a community resource, or take it out of (active: false) or back into the directory',
  tags: ['resources'],
  params: z.object({ id: uuid }),
  body: z.object({
    resourceNo: resourceNo.min(1, { error: '資源番号を入力してください' }).optional(),
    name: requiredText(200, '名称').optional(),
    categories: categories.optional(),
    serves: serves.optional(),
    ward: ward.describe('Omitted = unchanged; empty or null = city-wide'),
    subsidyFiscalYears: subsidyFiscalYears.optional(),
    contact: textInput().trim().max(200, { error: '200文字以内で入力してください' }).nullish(),
    description: textInput({ multiline: true })
      .trim()
      .max(2000, { error: '2000文字以内で入力してください' })
      .nullish(),
    active: z.boolean({ error: '有効か無効かを指定してください' }).optional(),
  }),
  response: resource,
})

// ── Referrals (つなぎ) ──────────────────────────────────────────────────────────

export const referral = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    resourceId: z.uuid(),
    resourceNo: z.string(),
    resourceName: z.string(),
    resourceActive: z.boolean(),
    referredOn: isoDate.describe('つないだ日'),
    outcome: z.enum(codesOf(REFERRAL_OUTCOMES)),
    outcomeOn: isoDate.nullable().describe('結果の日付; null while 調整中'),
    note: z.string().nullable(),
    accountName: z.string().nullable().describe('Who recorded the referral'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Referral' })
export type Referral = z.infer<typeof referral>

const caseParams = z.object({ id: uuid })

export const listReferrals = defineContract({
  method: 'GET',
  path: '/api/cases/:id/referrals',
  summary: 'A case’s referrals to community resources, newest first',
  tags: ['resources'],
  params: caseParams,
  response: z.array(referral),
})

export const addReferral = defineContract({
  method: 'POST',
  path: '/api/cases/:id/referrals',
  summary: 'Refer a case to an active community resource (outcome 調整中 until recorded)',
  tags: ['resources'],
  params: caseParams,
  body: z.object({
    resourceId: z.uuid({ error: '社会資源を選択してください' }),
    referredOn: dateInput.describe('つないだ日; not in the future, not before the case was opened'),
    note: optionalText(1000, { multiline: true }),
  }),
  response: referral,
  status: 201,
})

export const updateReferral = defineContract({
  method: 'PATCH',
  path: '/api/cases/:id/referrals/:referralId',
  summary: 'Record the outcome of a referral (outcomeOn required unless 調整中)',
  tags: ['resources'],
  params: z.object({ id: uuid, referralId: uuid }),
  body: z.object({
    outcome: z.enum(codesOf(REFERRAL_OUTCOMES), { error: '結果を選択してください' }),
    outcomeOn: optionalDateInput.describe('結果の日付; required for つながった / 利用に至らず'),
    note: optionalText(1000, { multiline: true }).optional().describe('Omitted = unchanged; empty = cleared'),
  }),
  response: referral,
})
