import {
  bigserial,
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

/**
 * 家族向け研修会 and 家族教室・家族会 (issue 12). Headquarters organises city-wide ones (ward null),
 * a ward centre its own (ward = its code); only the organiser sees the registrations.
 */
export const seminars = pgTable(
  'seminars',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** SEMINAR_KINDS: seminar (研修会) | family_meeting (家族教室・家族会). */
    kind: text('kind').notNull(),
    /** The organising ward's code; null = headquarters (city-wide). */
    ward: text('ward'),
    title: text('title').notNull(),
    theme: text('theme'),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time'),
    place: text('place'),
    online: boolean('online').notNull().default(false),
    /** People (not registrations): a registration for 2 takes 2 seats. */
    capacity: integer('capacity').notNull(),
    audience: text('audience'),
    /** The follow-up survey (事後アンケート) families answer after it; its results join the report. */
    followUpSurveyId: uuid('follow_up_survey_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('seminars_held_idx').on(t.tenantId, t.heldOn)],
)

/**
 * A family's registration, made on the residents' pages without an account. All of it is
 * personal data. `seq` fixes the order of arrival, which is the waitlist's order.
 */
export const seminarRegistrations = pgTable(
  'seminar_registrations',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    seminarId: uuid('seminar_id').notNull(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    attendees: integer('attendees').notNull(),
    email: text('email'),
    phone: text('phone'),
    needsChildcare: boolean('needs_childcare').notNull().default(false),
    needsSignLanguage: boolean('needs_sign_language').notNull().default(false),
    needsNote: text('needs_note'),
    /** SEMINAR_REGISTRATION_STATUSES: confirmed | waitlisted | cancelled. */
    status: text('status').notNull(),
    /** SHA-256 of the cancel link's token; the token itself is only ever in the link. */
    cancelTokenHash: text('cancel_token_hash').notNull(),
    /** Staff's record: true attended, false did not come, null not yet recorded. */
    attended: boolean('attended'),
    /** A case the registrant already consults on (staff link it). */
    caseId: uuid('case_id'),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /**
     * When the retention period removed what the family gave (name, contacts, note); the row
     * stays, with its counts and attendance, for the report.
     */
    personalDataRemovedAt: timestamp('personal_data_removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('seminar_registrations_seminar_idx').on(t.tenantId, t.seminarId, t.seq),
    uniqueIndex('seminar_registrations_token_idx').on(t.cancelTokenHash),
    foreignKey({
      columns: [t.tenantId, t.seminarId],
      foreignColumns: [seminars.tenantId, seminars.id],
    }).onDelete('cascade'),
  ],
)
