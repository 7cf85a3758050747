import { z } from 'zod'
import { codesOf, SURVEY_TARGET_KINDS } from '../codes.ts'
import { codeOf, dateInput, isoDate, uuid } from './common.ts'
import { defineContract } from './define.ts'

// One-time links (回答用リンク) for a target list drawn from the records: headquarters picks who
// and which period, sees how many, and makes one link each — mailed where an address is known,
// printed as a letter with a QR code otherwise. A link answers once; its answer is anonymous.

const targetInput = z.object({
  kind: codeOf(SURVEY_TARGET_KINDS, '対象'),
  from: dateInput.describe('期間の初日'),
  to: dateInput.describe('期間の最終日'),
})
export type TargetInput = z.output<typeof targetInput>

export const surveyTargetCount = z
  .object({
    kind: z.enum(codesOf(SURVEY_TARGET_KINDS)),
    from: isoDate,
    to: isoDate,
    total: z.number().int(),
    mail: z.number().int().describe('With a mail address: the link goes by mail'),
    letters: z.number().int().describe('Without one: printed as a letter with the QR code'),
    alreadyMade: z.boolean().describe('Links for this kind and period were made before'),
  })
  .meta({ id: 'SurveyTargetCount' })

export const countSurveyTargets = defineContract({
  method: 'GET',
  path: '/api/surveys/:id/targets',
  summary: 'How many the target list holds (counts only; nothing is made)',
  tags: ['surveys'],
  params: z.object({ id: uuid }),
  query: targetInput,
  response: surveyTargetCount,
})

export const surveyLetter = z
  .object({
    addressee: z.string().nullable().describe('Name as recorded (a person or an agency)'),
    address: z.string().nullable(),
    url: z.string().describe('The one-time link; shown here once, never stored'),
    qrSvg: z.string().describe('The link as a QR code (inline SVG)'),
  })
  .meta({ id: 'SurveyLetter' })
export type SurveyLetter = z.infer<typeof surveyLetter>

export const surveyInvitationBatch = z
  .object({
    id: z.uuid(),
    kind: z.enum(codesOf(SURVEY_TARGET_KINDS)),
    from: isoDate,
    to: isoDate,
    mail: z.number().int(),
    letters: z.number().int(),
    answered: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'SurveyInvitationBatch' })

export const makeSurveyInvitations = defineContract({
  method: 'POST',
  path: '/api/surveys/:id/invitations',
  summary: 'Make one-time links for the target list: mail queued, letters returned once to print',
  tags: ['surveys'],
  params: z.object({ id: uuid }),
  body: targetInput,
  response: z.object({ batch: surveyInvitationBatch, letters: z.array(surveyLetter) }),
  status: 201,
})

export const listSurveyInvitations = defineContract({
  method: 'GET',
  path: '/api/surveys/:id/invitations',
  summary: 'The target lists of a survey with their counts (no names, no links)',
  tags: ['surveys'],
  params: z.object({ id: uuid }),
  response: z.array(surveyInvitationBatch),
})
