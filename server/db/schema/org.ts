import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Population by ward and fiscal year (年度), entered by the city for rates per population. */
export const wardPopulations = pgTable(
  'ward_populations',
  {
    tenantId: text('tenant_id').notNull(),
    wardCode: text('ward_code').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    population: integer('population').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.wardCode, t.fiscalYear] })],
)

/**
 * Changes to the organisation (a ward or unit renamed, reordered, deactivated): records keep
 * pointing at the code or id and show the current name; this is where the old names stay.
 */
export const orgHistory = pgTable(
  'org_history',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    accountId: uuid('account_id'),
    subject: text('subject').notNull(),
    subjectKey: text('subject_key').notNull(),
    field: text('field').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('org_history_at').on(t.tenantId, t.at)],
)

/**
 * The confidentiality text agencies acknowledge before reading a meeting's agenda (守秘義務).
 * Never changed once written: a new wording is a new version, and each acknowledgement records
 * the version it agreed to.
 */
export const confidentialityTexts = pgTable(
  'confidentiality_texts',
  {
    tenantId: text('tenant_id').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.version] })],
)
