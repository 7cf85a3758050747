import {
  boolean,
  date,
  foreignKey,
  index,
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
    /**
     * A one-time link's answer is tied to the invited person's case, but only when this is set
     * AND the respondent ticks their agreement on the form; otherwise answers stay anonymous.
     */
    linkToCase: boolean('link_to_case').notNull().default(false),
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

/**
 * A target list drawn from the records (対象リスト): one per survey, kind and period, so the same
 * people are not invited twice. Holds counts only, never who was on it.
 */
export const surveyInvitationBatches = pgTable(
  'survey_invitation_batches',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    /** closed_consulters | meeting_agencies | accompaniment_supported (SURVEY_TARGET_KINDS) */
    targetKind: text('target_kind').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    mailCount: integer('mail_count').notNull(),
    letterCount: integer('letter_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('survey_invitation_batches_key_idx').on(
      t.tenantId,
      t.surveyId,
      t.targetKind,
      t.periodFrom,
      t.periodTo,
    ),
    foreignKey({
      columns: [t.tenantId, t.surveyId],
      foreignColumns: [surveys.tenantId, surveys.id],
    }).onDelete('cascade'),
  ],
)

/**
 * A one-time link (回答用リンク) of a target list. Only the SHA-256 of its token is kept; the token
 * is derived from the id with a server key (survey-invitation-token.ts), so the mail worker can
 * write it into the mail without the token ever being stored. No case and no person: nothing
 * leads from a link, or from the answer given through it, back to who was invited — except
 * case_id while the survey asks to link answers (link_to_case), cleared when the link is used
 * without the respondent's agreement, and kept with respondent_no when they agreed.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    batchId: uuid('batch_id').notNull(),
    /** mail (queued in mail_outbox) | letter (printed with its QR code) */
    delivery: text('delivery').notNull(),
    tokenHash: text('token_hash').notNull(),
    caseId: uuid('case_id'),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /**
     * The answer given through the link, kept only when the survey asks (link_to_case) and the
     * respondent agreed: with case_id, the one way from an answer to a case. The answer's own
     * rows never name a case.
     */
    respondentNo: text('respondent_no'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('survey_invitations_token_idx').on(t.tenantId, t.tokenHash),
    index('survey_invitations_survey_idx').on(t.tenantId, t.surveyId),
    foreignKey({
      columns: [t.tenantId, t.batchId],
      foreignColumns: [surveyInvitationBatches.tenantId, surveyInvitationBatches.id],
    }).onDelete('cascade'),
  ],
)
