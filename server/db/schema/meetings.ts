import { sql } from 'drizzle-orm'
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
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
    /**
     * scheduled | held (MEETING_STATUSES). Only held meetings count in the report and are
     * exported; imported meetings are held.
     */
    status: text('status').notNull().default('held'),
    /** 開始時刻 'HH:MM' in Tokyo time, place and chair (保健福祉センター長), for the invitation. */
    startTime: text('start_time'),
    place: text('place'),
    chair: text('chair'),
    /** General notes of the minutes (議事録), outside the per-case decisions. */
    minutesNote: text('minutes_note'),
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
    /**
     * An invited unit that has not (yet) been recorded as present is false. Imported attendees
     * attended. Only attendees count in the report and are exported.
     */
    attended: boolean('attended').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId, t.unitId] }),
    foreignKey({
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [meetings.tenantId, meetings.id],
    }).onDelete('cascade'),
    // A unit's attendances: the report asks, of each outside agency, whether it attended a
    // meeting in the period, and stops at the first (reports/meetings.sql.ts).
    index('meeting_attendees_unit_idx').on(t.tenantId, t.unitId, t.meetingId, t.attended),
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
    /** 主担当機関 as the ledger names it (the section or organisation); also set from leadUnitId. */
    leadUnit: text('lead_unit'),
    /** The organisation unit leading, when decided in the app. */
    leadUnitId: uuid('lead_unit_id'),
    /** The named lead worker (e.g. an accompaniment worker), when decided in the app. */
    leadAccountId: uuid('lead_account_id'),
    policy: text('policy'),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The meeting's date, status, start time and number, copied by the database (migration
     * 0042's triggers: when a review is written and when its meeting changes; whatever a write
     * puts here is replaced). With them a case's reviews are in the order that decides its
     * current lead in reviews_last_idx alone, without joining and sorting every review.
     */
    meetingHeldOn: date('meeting_held_on', { mode: 'string' }),
    meetingStatus: text('meeting_status'),
    meetingStartTime: text('meeting_start_time'),
    meetingNo: text('meeting_no'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('reviews_meeting_case_idx').on(t.tenantId, t.meetingId, t.caseId),
    // A case's reviews, latest first in the order that decides its lead (docs/report-rules.md;
    // reports/accompaniment.sql.ts countLedAtEnd), with the lead: each case's first entry is
    // its lead, read without a sort. It also serves what reviews_case_idx did (its prefix).
    index('reviews_last_idx').on(
      t.tenantId,
      t.caseId,
      t.meetingHeldOn.desc(),
      t.createdAt.desc(),
      sql`${t.meetingStartTime} collate "C" desc nulls last`,
      sql`${t.meetingNo} collate "C" desc`,
      t.lead,
      t.meetingStatus,
    ),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
  ],
)

/**
 * 議題: a case put on a meeting's agenda before the meeting decides on it. The decision itself
 * is a review (above); a case on the agenda of a meeting is what an attending agency may read.
 */
export const meetingAgenda = pgTable(
  'meeting_agenda',
  {
    tenantId: text('tenant_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    caseId: uuid('case_id').notNull(),
    /** new | continuing (REVIEW_KINDS) */
    kind: text('kind').notNull(),
    /** For new cases: NEW_CASE_ROUTES. */
    route: text('route'),
    position: integer('position').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Whether the meeting is still to be held (not status held). Kept by triggers on both tables
     * (migration 0025), so the partial unique index below can say "a case sits on at most one
     * open agenda" whoever writes the rows (the app, the demo seed, a concurrent request).
     */
    open: boolean('open').notNull().default(true),
    /**
     * The coordinator's 方針案 before the meeting (DraftDecision of shared/contracts/meetings.ts).
     * A draft never counts: only the meeting's decision (reviews) sets a lead or a review date.
     */
    draft: jsonb('draft'),
    draftSavedAt: timestamp('draft_saved_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId, t.caseId] }),
    index('meeting_agenda_case_idx').on(t.tenantId, t.caseId),
    uniqueIndex('meeting_agenda_one_open_idx').on(t.tenantId, t.caseId).where(sql`${t.open}`),
    foreignKey({
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [meetings.tenantId, meetings.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
  ],
)

/**
 * 守秘義務の確認: an account's acknowledgement, for one meeting, that the meeting is the 支援会議
 * of 生活困窮者自立支援法 and what is heard there is confidential. Agency members see the agenda's
 * cases only after it.
 */
export const meetingAcknowledgements = pgTable(
  'meeting_acknowledgements',
  {
    tenantId: text('tenant_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    accountId: uuid('account_id').notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull(),
    /** The confidentiality text's version acknowledged (null: before the city wrote one). */
    textVersion: integer('text_version'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meetingId, t.accountId] }),
    foreignKey({
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [meetings.tenantId, meetings.id],
    }).onDelete('cascade'),
  ],
)

/** 役割分担: who does what, decided with a review. */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    tenantId: text('tenant_id').notNull(),
    reviewId: uuid('review_id').notNull(),
    position: integer('position').notNull(),
    /** The organisation unit (ward section, agency, accompaniment team) taking the task. */
    unitId: uuid('unit_id').notNull(),
    task: text('task').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.reviewId, t.position] }),
    foreignKey({
      columns: [t.tenantId, t.reviewId],
      foreignColumns: [reviews.tenantId, reviews.id],
    }).onDelete('cascade'),
  ],
)
