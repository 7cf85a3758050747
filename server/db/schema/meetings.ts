import {
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { cases } from './cases.ts'

/** 支援調整会議: a ward's support coordination meeting. Columns follow the `meetings` sheet. */
export const meetings = pgTable(
  'meetings',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** 会議番号: the ledger's identifier, or one the product numbers. */
    meetingNo: text('meeting_no').notNull(),
    ward: text('ward').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('meetings_no_idx').on(t.tenantId, t.meetingNo),
    index('meetings_held_idx').on(t.tenantId, t.heldOn, t.ward),
  ],
)

/** Who attended a meeting: outside agencies and ward sections, as organisation units. */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    tenantId: text('tenant_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId, t.unitId] }),
    foreignKey({
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [meetings.tenantId, meetings.id],
    }).onDelete('cascade'),
  ],
)

/** 検討ケース: a case discussed at a meeting. One per case and meeting (the ledger's key). */
export const reviews = pgTable(
  'reviews',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** new | continuing */
    kind: text('kind').notNull(),
    /** For new cases: window | ward_section | agency */
    route: text('route'),
    /** ward_section | accompaniment | specialist | rediscuss */
    lead: text('lead').notNull(),
    leadUnit: text('lead_unit'),
    policy: text('policy'),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('reviews_meeting_case_idx').on(t.tenantId, t.meetingId, t.caseId),
    index('reviews_case_idx').on(t.tenantId, t.caseId),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
  ],
)
