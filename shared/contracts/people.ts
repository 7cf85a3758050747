import { z } from 'zod'
import { CARE_KINDS, codesOf, PHONE_LABELS, RELATIONSHIPS } from '../codes.ts'
import { parsePhone } from '../phone.ts'
import { codeOf, optionalText, textInput, uuid } from './common.ts'
import { defineContract, noContent } from './define.ts'

/** A number as staff typed it; the contract keeps it trimmed and adds its digits. */
const phoneInput = z.object({
  label: z.enum(codesOf(PHONE_LABELS), { error: '種別を選択してください' }).nullish(),
  number: textInput({ error: '電話番号を入力してください' }).transform((value, ctx) => {
    const phone = parsePhone(value)
    if (!phone.ok) {
      ctx.addIssue({ code: 'custom', message: phone.message })
      return z.NEVER
    }
    return phone
  }),
})

const yesNoUnknown = z.boolean({ error: 'はい・いいえ・未確認から選択してください' }).nullish()

/**
 * The fields of the `people` sheet a counsellor enters (docs/ledger-format.md); ward is derived. No
 * defaults here, so that a change (PATCH) changes only what it names.
 */
const personShape = z.object({
  relationship: codeOf(RELATIONSHIPS, '続柄'),
  consulter: z.boolean().describe('相談者: false for a household member who has not consulted'),
  name: optionalText(100).describe('氏名 (personal data)'),
  kana: optionalText(100)
    .refine((v) => v == null || /^[\p{Script=Hiragana}\p{Script=Katakana}ー\s・]+$/u.test(v), {
      error: 'ふりがなはひらがなかカタカナで入力してください',
    })
    .describe('ふりがな (personal data)'),
  age: z.coerce
    .number({ error: '年齢は数字で入力してください' })
    .int({ error: '年齢は整数で入力してください' })
    .min(0, { error: '年齢は0以上で入力してください' })
    .max(130, { error: '年齢は130以下で入力してください' })
    .nullish()
    .describe('年齢 as known (may be an estimate)'),
  livesWith: yesNoUnknown.describe('同居; null = unknown'),
  phones: z
    .array(phoneInput)
    .max(10, { error: '電話番号は10件まで登録できます' })
    .describe('電話番号 in the order shown; digits in any width with hyphens, spaces or brackets'),
  mail: optionalText(254)
    .transform((v) => (v ? v.normalize('NFKC') : v))
    .refine((v) => v == null || /^[\x21-\x3f\x41-\x7e]+@[\x21-\x3f\x41-\x7e]+$/.test(v), {
      error: 'メールアドレスの形式が正しくありません',
    })
    .describe('メールアドレス (personal data)'),
  address: optionalText(200).describe('住所 (personal data); the ward is derived from it'),
  bestTime: optionalText(100).describe('連絡のつきやすい時間'),
  mayNameCity: yesNoUnknown.describe('市役所名を名乗ってよいか; null = not asked'),
  mayLeaveMessage: yesNoUnknown.describe('留守電に残してよいか; null = not asked'),
  keepFromPerson: yesNoUnknown.describe('本人に知られないように; null = not asked'),
  care: z
    .array(z.enum(codesOf(CARE_KINDS), { error: '介護・支援機関を一覧から選択してください' }))
    .max(CARE_KINDS.length)
    .transform((list) => [...new Set(list)])
    .describe('介護・支援機関'),
})

/** A new person: 相談者 unless said otherwise, no phones or care unless given. */
export const personFields = personShape.extend({
  consulter: personShape.shape.consulter.default(true),
  phones: personShape.shape.phones.default([]),
  care: personShape.shape.care.default([]),
})
export type PersonInput = z.output<typeof personFields>

export const phone = z
  .object({
    label: z.enum(codesOf(PHONE_LABELS)).nullable(),
    number: z.string().describe('As typed'),
    digits: z.string().describe('ASCII digits'),
  })
  .meta({ id: 'Phone' })

export const person = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    personNo: z.number().int(),
    relationship: z.enum(codesOf(RELATIONSHIPS)),
    consulter: z.boolean(),
    name: z.string().nullable(),
    kana: z.string().nullable(),
    age: z.number().int().nullable(),
    livesWith: z.boolean().nullable(),
    phones: z.array(phone),
    mail: z.string().nullable(),
    address: z.string().nullable(),
    ward: z.string().nullable().describe('Derived from the address when it names a ward'),
    bestTime: z.string().nullable(),
    mayNameCity: z.boolean().nullable(),
    mayLeaveMessage: z.boolean().nullable(),
    keepFromPerson: z.boolean().nullable(),
    care: z.array(z.enum(codesOf(CARE_KINDS))),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' })
export type Person = z.infer<typeof person>

const caseParams = z.object({ id: uuid })
const personParams = z.object({ id: uuid, personId: uuid })
const versioned = { version: z.number().int().min(1).describe('The version the change was made on') }

export const listPeople = defineContract({
  method: 'GET',
  path: '/api/cases/:id/people',
  summary: 'A case’s consulters and household members (相談者・世帯), by number',
  tags: ['people'],
  params: caseParams,
  response: z.array(person),
})

export const addPerson = defineContract({
  method: 'POST',
  path: '/api/cases/:id/people',
  summary: 'Add a consulter or household member to a case',
  tags: ['people'],
  params: caseParams,
  body: personFields,
  response: person,
  status: 201,
})

export const updatePerson = defineContract({
  method: 'PATCH',
  path: '/api/cases/:id/people/:personId',
  summary: 'Change a consulter or household member; only the fields sent change (phones as a whole list)',
  tags: ['people'],
  params: personParams,
  body: personShape.partial().extend(versioned),
  response: person,
})

export const deletePerson = defineContract({
  method: 'DELETE',
  path: '/api/cases/:id/people/:personId',
  summary: 'Delete a consulter or household member no contact names (409 otherwise)',
  tags: ['people'],
  params: personParams,
  body: z.object(versioned),
  response: noContent,
  status: 204,
})
