import {
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
    /** single | multiple | text */
    kind: text('kind').notNull(),
    /** Option labels in display order (empty for text questions). */
    options: text('options').array().notNull().default([]),
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
