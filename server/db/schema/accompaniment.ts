import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { cases } from './cases.ts'

/** 支援計画: the lead worker's plan for a case: goals (SUPPORT_GOALS) and the progress summary. */
export const supportPlans = pgTable(
  'support_plans',
  {
    tenantId: text('tenant_id').notNull(),
    caseId: uuid('case_id').notNull(),
    goals: text('goals').array().notNull().default([]),
    /** What the goals mean for this person (personal data). */
    goalNote: text('goal_note'),
    /** 経過のまとめ: what the next meeting reads about the case's progress. */
    progressSummary: text('progress_summary'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.caseId] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
  ],
)

/** 支援内容: one support activity of the lead worker (SUPPORT_ACTIVITIES), with minutes and notes. */
export const supportActivities = pgTable(
  'support_activities',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    minutes: integer('minutes'),
    note: text('note'),
    accountId: uuid('account_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('support_activities_case_idx').on(t.tenantId, t.caseId, t.doneOn),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
  ],
)

/** 本人の変化: a change the lead worker observed in the person. */
export const observedChanges = pgTable(
  'observed_changes',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    accountId: uuid('account_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('observed_changes_case_idx').on(t.tenantId, t.caseId, t.observedOn),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
  ],
)
