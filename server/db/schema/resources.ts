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
import { cases } from './cases.ts'

/** 社会資源: an organisation or project in the directory. Columns follow the `resources` sheet. */
export const resources = pgTable(
  'resources',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    resourceNo: text('resource_no').notNull(),
    name: text('name').notNull(),
    categories: text('categories').array().notNull().default([]),
    serves: text('serves').array().notNull().default([]),
    /** Ward code, or null for city-wide. */
    ward: text('ward'),
    /** Fiscal years (西暦 start year) in which it was adopted for the city's subsidy. */
    subsidyFiscalYears: integer('subsidy_fiscal_years').array().notNull().default([]),
    contact: text('contact'),
    /** What the resource offers, for the directory (not part of the ledger). */
    description: text('description'),
    /** A resource taken out of the directory stays for its referrals' history. */
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('resources_no_idx').on(t.tenantId, t.resourceNo),
  ],
)

/** 比較基準: figures for periods before the product, entered by hand or imported. */
export const baselines = pgTable(
  'baselines',
  {
    tenantId: text('tenant_id').notNull(),
    label: text('label').notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    toOn: date('to_on', { mode: 'string' }).notNull(),
    /** cases.under40 | cases.40plus | cases.unknown | cases.total */
    metric: text('metric').notNull(),
    /** null = not counted (shown as —). */
    value: integer('value'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.label, t.metric] })],
)

/** つなぎ: a case referred to a community resource, with the date and later the outcome. */
export const referrals = pgTable(
  'referrals',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    resourceId: uuid('resource_id').notNull(),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    /** REFERRAL_OUTCOMES: arranging (調整中) until the outcome is known. */
    outcome: text('outcome').notNull().default('arranging'),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    note: text('note'),
    accountId: uuid('account_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('referrals_case_idx').on(t.tenantId, t.caseId),
    index('referrals_resource_idx').on(t.tenantId, t.resourceId),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
    foreignKey({
      columns: [t.tenantId, t.resourceId],
      foreignColumns: [resources.tenantId, resources.id],
    }),
  ],
)
