import { bigint, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Headquarters' edits of a drafted finding (所見) for one report period: every edit is a row, so
 * the rows are the history (who, when, the text before and after) and the latest row per
 * finding is the text the report shows. `ward` is '' for the whole city's report. The draft
 * itself is never stored: it is recomputed from the records each time.
 */
export const reportFindingEdits = pgTable(
  'report_finding_edits',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    ward: text('ward').notNull().default(''),
    findingId: text('finding_id').notNull(),
    /** The text shown before this edit: the draft, or the previous edit. */
    before: text('before').notNull(),
    after: text('after').notNull(),
    editedBy: uuid('edited_by').notNull(),
    /** The editor's name as it was, so the history still reads right after a rename. */
    editedByName: text('edited_by_name').notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull(),
    /** Orders the edits when two share an instant (a fixed test clock, a double click). */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('report_finding_edits_period_idx').on(
      t.tenantId,
      t.periodFrom,
      t.periodTo,
      t.ward,
      t.findingId,
      t.seq,
    ),
  ],
)
