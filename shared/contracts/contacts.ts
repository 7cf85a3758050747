import { z } from 'zod'
import { CONTACT_METHODS, COUNTERPARTS, codesOf } from '../codes.ts'
import {
  codeOf,
  dateInput,
  isoDate,
  optionalDateInput,
  optionalText,
  optionalTimeInput,
  uuid,
} from './common.ts'
import { defineContract } from './define.ts'

export const contactFields = z.object({
  contactedOn: dateInput.describe('対応日'),
  time: optionalTimeInput.describe('時刻 HH:MM, Tokyo'),
  method: codeOf(CONTACT_METHODS, '手法'),
  counterpart: z
    .enum(codesOf(COUNTERPARTS), { error: '対象を選択してください' })
    .nullish()
    .describe(
      '対象; derived from the person when personId is given (a contradicting one is refused), required otherwise',
    ),
  personId: uuid
    .nullish()
    .describe('相手: the consulter or household member of the case the contact was with (相談者・世帯)'),
  staffId: uuid.nullish().describe('担当者; the caller when omitted'),
  minutes: z.coerce
    .number({ error: '所要時間は数字で入力してください' })
    .int({ error: '所要時間は分単位の整数で入力してください' })
    .min(0, { error: '所要時間は0分以上で入力してください' })
    .max(1440, { error: '所要時間は1440分以内で入力してください' })
    .nullish(),
  summary: optionalText(4000, { multiline: true }).describe('内容 (personal data)'),
  nextStep: optionalText(1000, { multiline: true }).describe('次の対応'),
  nextStepDueOn: optionalDateInput.describe(
    '次の対応の期日 (西暦 or 和暦, as ISO); the home page lists it when due',
  ),
  nextStepDueTime: optionalTimeInput.describe('次の対応の時刻 HH:MM, Tokyo; only with a due date'),
})

export const contact = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    contactedOn: isoDate,
    time: z.string().nullable(),
    method: z.enum(codesOf(CONTACT_METHODS)),
    counterpart: z.enum(codesOf(COUNTERPARTS)),
    personId: z.uuid().nullable(),
    personName: z.string().nullable().describe('The person’s name, or their 続柄 when no name is recorded'),
    staffId: z.uuid().nullable(),
    staffName: z.string().nullable(),
    minutes: z.number().int().nullable(),
    summary: z.string().nullable(),
    nextStep: z.string().nullable(),
    nextStepDueOn: isoDate.nullable(),
    nextStepDueTime: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contact' })
export type Contact = z.infer<typeof contact>

const caseParams = z.object({ id: uuid })

export const listContacts = defineContract({
  method: 'GET',
  path: '/api/cases/:id/contacts',
  summary: 'A case’s contacts, newest first (the timeline)',
  tags: ['contacts'],
  params: caseParams,
  response: z.array(contact),
})

export const addContact = defineContract({
  method: 'POST',
  path: '/api/cases/:id/contacts',
  summary: 'Record a contact on a case',
  tags: ['contacts'],
  params: caseParams,
  body: contactFields,
  response: contact,
  status: 201,
})

export const correctContact = defineContract({
  method: 'PATCH',
  path: '/api/cases/:id/contacts/:contactId',
  summary: 'Correct a contact; the case history keeps what changed from what',
  tags: ['contacts'],
  params: z.object({ id: uuid, contactId: uuid }),
  body: contactFields.partial().extend({ reason: optionalText(500, { multiline: true }) }),
  response: contact,
})
