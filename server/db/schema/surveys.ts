import {
  boolean,
  date,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

/** アンケート: a questionnaire for an audience. Columns follow the `surveys` sheet. */
export const surveys = pgTable(
  'surveys',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyNo: text('survey_no').notNull(),
    title: text('title').notNull(),
    /** consulters | agencies | supported | other */
    audience: text('audience').notNull().default('other'),
    /** draft | published | closed; imported surveys stay draft (they have responses, so are locked). */
    status: text('status').notNull().default('draft'),
    introduction: text('introduction'),
    periodFrom: date('period_from', { mode: 'string' }),
    periodTo: date('period_to', { mode: 'string' }),
    /** How many people the survey was sent to, for the response rate. */
    targetCount: integer('target_count'),
    /** The survey this one was copied from (a new version), if any. */
    copiedFrom: uuid('copied_from'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('surveys_no_idx').on(t.tenantId, t.surveyNo),
  ],
)

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    tenantId: text('tenant_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    questionNo: integer('question_no').notNull(),
    question: text('question').notNull(),
    /** single | multiple | text | scale (5-point, its five labels as options) */
    kind: text('kind').notNull(),
    /** Option labels in display order (empty for text questions; その他 last when allowOther). */
    options: text('options').array().notNull().default([]),
    required: boolean('required').notNull().default(false),
    /** The last option is 「その他」 and takes a free text (survey_answers.other_text). */
    allowOther: boolean('allow_other').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.surveyId, t.questionNo] }),
    foreignKey({
      columns: [t.tenantId, t.surveyId],
      foreignColumns: [surveys.tenantId, surveys.id],
    }).onDelete('cascade'),
  ],
)

/** A respondent of a survey (回答者), possibly anonymous: only the ledger's respondent number. */
export const surveyRespondents = pgTable(
  'survey_respondents',
  {
    tenantId: text('tenant_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    respondentNo: text('respondent_no').notNull(),
    answeredOn: date('answered_on', { mode: 'string' }),
    /** import (the ledger) | paper (typed in by staff) | web (answered on the public site) */
    source: text('source').notNull().default('import'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.surveyId, t.respondentNo] }),
    foreignKey({
      columns: [t.tenantId, t.surveyId],
      foreignColumns: [surveys.tenantId, surveys.id],
    }).onDelete('cascade'),
  ],
)

/** One respondent's answer to one question: chosen option labels, or the free text as one item. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    tenantId: text('tenant_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    respondentNo: text('respondent_no').notNull(),
    questionNo: integer('question_no').notNull(),
    answer: text('answer').array().notNull(),
    /** The free text written with 「その他」. */
    otherText: text('other_text'),
    /** When staff removed a free text before export; the text itself is then gone. */
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.surveyId, t.respondentNo, t.questionNo] }),
    foreignKey({
      columns: [t.tenantId, t.surveyId, t.respondentNo],
      foreignColumns: [
        surveyRespondents.tenantId,
        surveyRespondents.surveyId,
        surveyRespondents.respondentNo,
      ],
    }).onDelete('cascade'),
  ],
)
