// 組織設定: the administrator's view and changes of the city's organisation — wards/支所, the
// units of each ward centre and the city's window(s) and accompaniment team(s), population by
// ward and fiscal year, the window's hours and phone, crisis lines, and the versioned
// confidentiality text agencies acknowledge.
import { z } from 'zod'
import { codesOf, UNIT_KINDS } from '../codes.ts'
import { optionalText, requiredText, textInput } from './common.ts'
import { defineContract, noContent } from './define.ts'

const version = z.number().int().min(1).describe('The version the change was made on (optimistic lock)')
const sortOrder = z
  .number({ error: '表示順は整数で入力してください' })
  .int({ error: '表示順は整数で入力してください' })
  .min(0, { error: '表示順は0以上で入力してください' })
  .max(100_000, { error: '表示順は100000以下で入力してください' })

/** A ward code: lower-case letters, digits and hyphens, as in the ledger (e.g. sakyo). */
export const wardCode = textInput({ error: '区コードを入力してください' })
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,29}$/u, {
    error: '区コードは半角英小文字で始まる30文字以内の英数字とハイフンです',
  })

/** The unit kinds an administrator sets up here (agencies are added from meetings). */
export const EDITABLE_UNIT_KINDS = [
  'window',
  'ward_centre',
  'ward_section',
  'accompaniment_team',
  'headquarters',
] as const

export const orgWard = z.object({
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  hasRecords: z.boolean().describe('Records name it: it can be deactivated, not deleted'),
})
export type OrgWard = z.infer<typeof orgWard>

export const orgUnit = z.object({
  id: z.uuid(),
  kind: z.enum(codesOf(UNIT_KINDS)),
  name: z.string(),
  wardCode: z.string().nullable(),
  sectionCode: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  hasRecords: z.boolean(),
})
export type OrgUnit = z.infer<typeof orgUnit>

export const crisisLine = z.object({
  name: requiredText(100, '相談先の名称'),
  phone: requiredText(30, '電話番号'),
  hours: optionalText(100),
})

export const windowInfo = z.object({
  hours: z.string().nullable(),
  phone: z.string().nullable(),
  crisisLines: z.array(z.object({ name: z.string(), phone: z.string(), hours: z.string().nullable() })),
  version: z.number().int().describe('0 until first saved'),
})

export const confidentiality = z.object({
  version: z.number().int(),
  body: z.string(),
  createdAt: z.string(),
})

export const population = z.object({
  wardCode: z.string(),
  fiscalYear: z.number().int(),
  population: z.number().int(),
})

export const orgSettings = z.object({
  cityName: z.string(),
  wards: z.array(orgWard),
  units: z.array(orgUnit),
  populations: z.array(population),
  window: windowInfo,
  confidentiality: confidentiality.nullable(),
})
export type OrgSettings = z.infer<typeof orgSettings>

export const getOrgSettings = defineContract({
  method: 'GET',
  path: '/api/org',
  summary: "The city's organisation as its administrator edits it (administrators)",
  tags: ['org'],
  response: orgSettings,
})

const codeParams = z.object({ code: wardCode })
const unitParams = z.object({ id: z.uuid({ error: '識別子の形式が正しくありません' }) })

export const createWard = defineContract({
  method: 'POST',
  path: '/api/org/wards',
  summary: 'Add a ward or 支所 (its ward centre comes with it)',
  tags: ['org'],
  body: z.object({ code: wardCode, name: requiredText(50, '区・支所の名称'), sortOrder }),
  response: orgWard,
  status: 201,
})

export const updateWard = defineContract({
  method: 'PATCH',
  path: '/api/org/wards/:code',
  summary: 'Rename, reorder, deactivate or reactivate a ward (history kept)',
  tags: ['org'],
  params: codeParams,
  body: z.object({
    version,
    name: requiredText(50, '区・支所の名称').optional(),
    sortOrder: sortOrder.optional(),
    active: z.boolean().optional(),
  }),
  response: orgWard,
})

export const deleteWard = defineContract({
  method: 'DELETE',
  path: '/api/org/wards/:code',
  summary: 'Delete a ward no record names (409 otherwise: deactivate it)',
  tags: ['org'],
  params: codeParams,
  response: noContent,
  status: 204,
})

export const createUnit = defineContract({
  method: 'POST',
  path: '/api/org/units',
  summary: 'Add a window, accompaniment team, ward centre or a section of a ward centre',
  tags: ['org'],
  body: z.object({
    kind: z.enum(EDITABLE_UNIT_KINDS, { error: '種類を選択してください' }),
    name: requiredText(100, '名称'),
    wardCode: wardCode.optional(),
    sortOrder,
  }),
  response: orgUnit,
  status: 201,
})

export const updateUnit = defineContract({
  method: 'PATCH',
  path: '/api/org/units/:id',
  summary: 'Rename, reorder, deactivate or reactivate a unit (history kept)',
  tags: ['org'],
  params: unitParams,
  body: z.object({
    version,
    name: requiredText(100, '名称').optional(),
    sortOrder: sortOrder.optional(),
    active: z.boolean().optional(),
  }),
  response: orgUnit,
})

export const deleteUnit = defineContract({
  method: 'DELETE',
  path: '/api/org/units/:id',
  summary: 'Delete a unit no record names (409 otherwise: deactivate it)',
  tags: ['org'],
  params: unitParams,
  response: noContent,
  status: 204,
})

export const putPopulations = defineContract({
  method: 'PUT',
  path: '/api/org/populations/:fiscalYear',
  summary: 'Population by ward for one fiscal year (年度); wards left out have none for that year',
  tags: ['org'],
  params: z.object({ fiscalYear: z.coerce.number().int().min(1990).max(2200) }),
  body: z.object({
    items: z
      .array(
        z.object({
          wardCode,
          population: z
            .number({ error: '人口は整数で入力してください' })
            .int({ error: '人口は整数で入力してください' })
            .min(0, { error: '人口は0以上で入力してください' })
            .max(100_000_000, { error: '人口が大きすぎます' }),
        }),
      )
      .max(200),
  }),
  response: z.array(population),
})

export const putWindowInfo = defineContract({
  method: 'PUT',
  path: '/api/org/window',
  summary: "The window's hours and phone and the crisis lines shown to staff",
  tags: ['org'],
  body: z.object({
    version: z.number().int().min(0),
    hours: optionalText(200),
    phone: optionalText(30),
    crisisLines: z.array(crisisLine).max(20),
  }),
  response: windowInfo,
})

export const addConfidentialityText = defineContract({
  method: 'POST',
  path: '/api/org/confidentiality',
  summary: 'A new version of the confidentiality text; acknowledgements from now on record it',
  tags: ['org'],
  body: z.object({ body: requiredText(5000, '守秘義務の文面', { multiline: true }) }),
  response: confidentiality,
  status: 201,
})

export const orgChange = z.object({
  id: z.uuid(),
  at: z.string(),
  subject: z.enum(['ward', 'unit']),
  subjectKey: z.string(),
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
})

export const listOrgHistory = defineContract({
  method: 'GET',
  path: '/api/org/history',
  summary: 'Changes to wards and units, newest first (the last 500)',
  tags: ['org'],
  response: z.array(orgChange),
})
