import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * City-wide network meetings that headquarters schedules (NETWORK_MEETING_KINDS): coordinator
 * meetings (担当者会議) and case-study meetings (支援ミーティング). Staff of every ward may read them.
 */
export const networkMeetings = pgTable(
  'network_meetings',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    startTime: text('start_time'),
    place: text('place'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('network_meetings_held_idx').on(t.tenantId, t.heldOn),
  ],
)

/**
 * A case shared to a case-study meeting, only as an anonymised summary: no name, kana, exact
 * dates or free text that was not written for sharing. The case id is kept for the sharer's
 * ward only (to avoid sharing twice) and never leaves the server.
 */
export const caseStudyShares = pgTable(
  'case_study_shares',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** The sharing ward's code (shown as 区 of origin). */
    ward: text('ward'),
    title: text('title').notNull(),
    /** Coarse facts copied at sharing: age band, gender, first consulter, concerns, lead, 年度. */
    ageBand: text('age_band').notNull(),
    gender: text('gender').notNull(),
    firstConsulter: text('first_consulter').notNull(),
    concerns: text('concerns').array().notNull().default([]),
    lead: text('lead'),
    openedFiscalYear: text('opened_fiscal_year'),
    /** Written for sharing by the sharer (anonymised in their own words). */
    summary: text('summary').notNull(),
    question: text('question'),
    sharedBy: uuid('shared_by').notNull(),
    sharedAt: timestamp('shared_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('case_study_shares_meeting_idx').on(t.tenantId, t.meetingId),
    foreignKey({
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [networkMeetings.tenantId, networkMeetings.id],
    }).onDelete('cascade'),
  ],
)
