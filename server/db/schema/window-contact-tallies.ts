import { boolean, date, integer, pgTable, text, unique } from 'drizzle-orm/pg-core'

// The window's contacts counted by month, kept by triggers in the same statement as every write
// of contacts or cases (migration 0034): the report reads these few thousand rows instead of a
// big city's million contacts (reports/window-contact-tallies.sql.ts). Only window cases
// (intake_unit 'window') are counted; `ward` is the case's residence ward (null when unknown),
// months are their first day. A tally may fall to 0 and stay: the report sums them.

/** 表3 and 図3: contacts by month, method and counterpart; `first_in_month`: the case's first that month. */
export const windowContactCells = pgTable(
  'window_contact_cells',
  {
    tenantId: text('tenant_id').notNull(),
    ward: text('ward'),
    month: date('month', { mode: 'string' }).notNull(),
    method: text('method').notNull(),
    counterpart: text('counterpart').notNull(),
    firstInMonth: boolean('first_in_month').notNull(),
    contacts: integer('contacts').notNull(),
  },
  (t) => [
    unique('window_contact_cells_key')
      .on(t.tenantId, t.ward, t.month, t.method, t.counterpart, t.firstInMonth)
      .nullsNotDistinct(),
  ],
)

/**
 * Contacts by month and the month their case was opened: those on cases opened in a period
 * (延べ件数's consultations), and `second`, the case's second contact (表3's two or more).
 */
export const windowContactOpenings = pgTable(
  'window_contact_openings',
  {
    tenantId: text('tenant_id').notNull(),
    ward: text('ward'),
    month: date('month', { mode: 'string' }).notNull(),
    openedMonth: date('opened_month', { mode: 'string' }).notNull(),
    second: boolean('second').notNull(),
    contacts: integer('contacts').notNull(),
  },
  (t) => [
    unique('window_contact_openings_key')
      .on(t.tenantId, t.ward, t.month, t.openedMonth, t.second)
      .nullsNotDistinct(),
  ],
)

/**
 * A case's first contact of a month, by the month of its contact before (null: none before):
 * the cases with a contact in a period (実人数) are those whose previous one is before it.
 */
export const windowContactReturns = pgTable(
  'window_contact_returns',
  {
    tenantId: text('tenant_id').notNull(),
    ward: text('ward'),
    month: date('month', { mode: 'string' }).notNull(),
    previousMonth: date('previous_month', { mode: 'string' }),
    contacts: integer('contacts').notNull(),
  },
  (t) => [
    unique('window_contact_returns_key').on(t.tenantId, t.ward, t.month, t.previousMonth).nullsNotDistinct(),
  ],
)
