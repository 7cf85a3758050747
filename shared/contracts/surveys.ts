import { z } from 'zod'
import { codesOf, QUESTION_KINDS, SURVEY_AUDIENCES, SURVEY_SOURCES, SURVEY_STATUSES } from '../codes.ts'
import {
  codeOf,
  dateInput,
  isoDate,
  optionalDateInput,
  optionalText,
  requiredText,
  textInput,
  uuid,
} from './common.ts'
import { defineContract } from './define.ts'

// アンケート as headquarters builds, publishes and reads them. Respondents are anonymous: nothing
// here (or in the tables behind it) names a case or a person.

/** The label of the choice that takes a free text when a question allows it. */
export const OTHER_LABEL = 'その他'

export const surveyQuestion = z
  .object({
    no: z.number().int(),
    kind: z.enum(codesOf(QUESTION_KINDS)),
    question: z.string(),
    options: z.array(z.string()).describe('In display order; without 「その他」 (see allowOther)'),
    required: z.boolean(),
    allowOther: z.boolean().describe('A last choice 「その他」 with a free text'),
  })
  .meta({ id: 'SurveyQuestion' })
export type SurveyQuestion = z.infer<typeof surveyQuestion>

export const survey = z
  .object({
    id: z.uuid(),
    surveyNo: z.string(),
    title: z.string(),
    audience: z.enum(codesOf(SURVEY_AUDIENCES)),
    status: z.enum(codesOf(SURVEY_STATUSES)),
    periodFrom: isoDate.nullable(),
    periodTo: isoDate.nullable(),
    introduction: z.string().nullable(),
    targetCount: z.number().int().nullable().describe('配布数: the base of the response rate'),
    copiedFrom: z.uuid().nullable(),
    linkToCase: z
      .boolean()
      .describe('One-time links ask whether the answer may join the case (anonymous otherwise)'),
    responses: z.object({ total: z.number().int(), paper: z.number().int(), web: z.number().int() }),
    locked: z.boolean().describe('Has responses: its questions can no longer change (copy it instead)'),
    questions: z.array(surveyQuestion),
    updatedAt: z.string(),
  })
  .meta({ id: 'Survey' })
export type Survey = z.infer<typeof survey>

const questionInput = z.object({
  kind: codeOf(QUESTION_KINDS, '設問の形式'),
  question: requiredText(500, '設問文', { multiline: true }),
  options: z.array(requiredText(200, '選択肢')).max(30, { error: '選択肢は30個までです' }).default([]),
  required: z.boolean({ error: '必須かどうかを指定してください' }).default(false),
  allowOther: z.boolean({ error: '「その他」を置くかどうかを指定してください' }).default(false),
})
export type QuestionInput = z.output<typeof questionInput>

const targetCount = z.coerce
  .number({ error: '配布数は数字で入力してください' })
  .int({ error: '配布数は整数で入力してください' })
  .min(1, { error: '配布数は1以上で入力してください' })
  .max(1_000_000, { error: '配布数が大きすぎます' })
  .nullish()
  .transform((v) => v ?? null)

const surveyFields = {
  title: requiredText(200, 'タイトル'),
  audience: codeOf(SURVEY_AUDIENCES, '対象'),
  periodFrom: optionalDateInput.describe('実施期間の初日'),
  periodTo: optionalDateInput.describe('実施期間の最終日'),
  introduction: optionalText(4000, { multiline: true }),
  targetCount,
  linkToCase: z.boolean({ error: 'ケースとの結び付けを指定してください' }).default(false),
}
const questionsInput = z
  .array(questionInput)
  .min(1, { error: '設問を1つ以上入れてください' })
  .max(60, { error: '設問は60問までです' })

export const listSurveys = defineContract({
  method: 'GET',
  path: '/api/surveys',
  summary: 'The city’s surveys, newest first (headquarters)',
  tags: ['surveys'],
  response: z.array(survey),
})

export const getSurvey = defineContract({
  method: 'GET',
  path: '/api/surveys/:id',
  summary: 'One survey with its questions (headquarters)',
  tags: ['surveys'],
  params: z.object({ id: uuid }),
  response: survey,
})

export const createSurvey = defineContract({
  method: 'POST',
  path: '/api/surveys',
  summary: 'Build a survey (作成中 until published)',
  tags: ['surveys'],
  body: z.object({ ...surveyFields, questions: questionsInput }),
  response: survey,
  status: 201,
})

export const updateSurvey = defineContract({
  method: 'PUT',
  path: '/api/surveys/:id',
  summary: 'Change a survey; its questions only while it has no responses',
  tags: ['surveys'],
  params: z.object({ id: uuid }),
  body: z.object({ ...surveyFields, questions: questionsInput }),
  response: survey,
})

export const setSurveyStatus = defineContract({
  method: 'POST',
  path: '/api/surveys/:id/status',
  summary: 'Publish a survey (public link open), close it, or take it back to 作成中',
  tags: ['surveys'],
  params: z.object({ id: uuid }),
  body: z.object({ status: codeOf(SURVEY_STATUSES, '状態') }),
  response: survey,
})

export const copySurvey = defineContract({
  method: 'POST',
  path: '/api/surveys/:id/copy',
  summary: 'A new version: the survey’s questions in a new survey (作成中, no responses)',
  tags: ['surveys'],
  params: z.object({ id: uuid }),
  response: survey,
  status: 201,
})

export const surveyTemplate = z
  .object({
    key: z.string(),
    title: z.string(),
    audience: z.enum(codesOf(SURVEY_AUDIENCES)),
    note: z.string(),
    questions: z.array(surveyQuestion),
  })
  .meta({ id: 'SurveyTemplate' })
export type SurveyTemplate = z.infer<typeof surveyTemplate>

export const listSurveyTemplates = defineContract({
  method: 'GET',
  path: '/api/survey-templates',
  summary: 'Ready-made surveys: the evaluation’s three surveys as published (表4–表8)',
  tags: ['surveys'],
  response: z.array(surveyTemplate),
})

export const copySurveyTemplate = defineContract({
  method: 'POST',
  path: '/api/survey-templates/copy',
  summary: 'A new survey (作成中) from a ready-made one',
  tags: ['surveys'],
  body: z.object({ key: textInput({ error: 'ひな形を選択してください' }).trim().max(40) }),
  response: survey,
  status: 201,
})

const answerInput = z.object({
  questionNo: z.number({ error: '設問番号を指定してください' }).int().min(1),
  choices: z.array(requiredText(200, '選択肢')).max(31).default([]),
  text: optionalText(4000, { multiline: true }).describe('Free text, or the text with 「その他」'),
})
export type AnswerInput = z.output<typeof answerInput>

export const addPaperResponse = defineContract({
  method: 'POST',
  path: '/api/surveys/:id/paper-responses',
  summary: 'A paper answer typed in by staff (marked 紙 in the data)',
  tags: ['surveys'],
  params: z.object({ id: uuid }),
  body: z.object({
    answeredOn: dateInput.describe('回答日 (the date on the paper, or the day it came in)'),
    answers: z.array(answerInput).max(60),
  }),
  response: z.object({ respondentNo: z.string(), source: z.enum(codesOf(SURVEY_SOURCES)) }),
  status: 201,
})

export const surveyResults = z
  .object({
    surveyId: z.uuid(),
    respondents: z.number().int(),
    targetCount: z.number().int().nullable(),
    responseRate: z.number().nullable().describe('回答率 % (half up, one decimal); null without 配布数'),
    targetList: z
      .object({
        invited: z.number().int().describe('One-time links made for the target lists'),
        answered: z.number().int().describe('Links used'),
        rate: z.number().describe('回答率 % against the target lists (half up, one decimal)'),
      })
      .nullable()
      .describe('null while no one-time links were made'),
    questions: z.array(
      z.object({
        no: z.number().int(),
        question: z.string(),
        kind: z.enum(codesOf(QUESTION_KINDS)),
        answered: z.number().int(),
        options: z.array(z.object({ label: z.string(), count: z.number().int(), percent: z.number() })),
        texts: z.array(
          z.object({
            respondentNo: z.string(),
            label: z.string().nullable().describe('「その他」 for its text; null for a free-text question'),
            text: z.string().nullable().describe('null once redacted'),
            redacted: z.boolean(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'SurveyResults' })
export type SurveyResults = z.infer<typeof surveyResults>

export const getSurveyResults = defineContract({
  method: 'GET',
  path: '/api/surveys/:id/results',
  summary: 'Counts and percentages per option (the report’s rounding), free texts, response rate',
  tags: ['surveys'],
  params: z.object({ id: uuid }),
  response: surveyResults,
})

export const redactSurveyText = defineContract({
  method: 'POST',
  path: '/api/surveys/:id/redactions',
  summary: 'Remove one free text before export (the choice stays counted)',
  tags: ['surveys'],
  params: z.object({ id: uuid }),
  body: z.object({
    respondentNo: requiredText(60, '回答者番号'),
    questionNo: z.number({ error: '設問番号を指定してください' }).int().min(1),
  }),
  response: surveyResults,
})
