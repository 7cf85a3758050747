import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * 表1 取組検証の手法: how a report period's verification was done, one row per method — the
 * objective data, each survey (its period and respondents) and each interview (its dates and
 * who was heard). Headquarters keeps them per report period (`period_from`–`period_to`) and the
 * report prints them as its 表1, in `sort_order`.
 */
export const reportVerifications = pgTable(
  'report_verifications',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** VERIFICATION_KINDS: objective_data | survey | interview. */
    kind: text('kind').notNull(),
    /** 手法: 「相談窓口アンケート」, 「よりそい支援員ヒアリング」 … */
    method: text('method').notNull(),
    /** 実施時期: the first and last day (one day for a single interview). */
    heldFrom: date('held_from', { mode: 'string' }),
    heldTo: date('held_to', { mode: 'string' }),
    /** 対象: who answered or was heard. */
    target: text('target').notNull(),
    /**
     * A survey in the product: its respondents are counted for 回答数 when `responses` is empty.
     * No foreign key: a draft survey may still be deleted, and the row then names no survey.
     */
    surveyId: uuid('survey_id'),
    /** 回答数 as written (「16件」, 「14区役所・支所」); empty for objective data and most interviews. */
    responses: text('responses'),
    sortOrder: integer('sort_order').notNull().default(0),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('report_verifications_period_idx').on(t.tenantId, t.periodFrom, t.periodTo, t.sortOrder),
  ],
)
