import {
  boolean,
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
import { accounts } from './accounts.ts'
import { cases } from './cases.ts'
import { contacts } from './contacts.ts'

/**
 * ウェブ相談: a thread a resident opened on the public pages, anonymously if they wish. They come
 * back with the reference code (受付番号) and their passphrase (合言葉, argon2id like a password);
 * no account and no mail address are needed for that.
 */
export const inquiryThreads = pgTable(
  'inquiry_threads',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** 受付番号: what the resident types to come back; unique in the city, never reused. */
    code: text('code').notNull(),
    passphraseHash: text('passphrase_hash').notNull(),
    /** Who wrote: COUNTERPARTS code (self 本人 / family 家族 / other その他). */
    senderRole: text('sender_role').notNull(),
    /** About whom: AGE_BANDS code, when the resident gave it. */
    subjectAgeBand: text('subject_age_band'),
    nickname: text('nickname'),
    /** Where "a reply is waiting" is sent (never the content); null when not given. */
    noticeAddress: text('notice_address'),
    /** Whether the resident would accept a call (default no), and the number, if so. */
    acceptsCall: boolean('accepts_call').notNull().default(false),
    phone: text('phone'),
    /** The public page's language when the thread was opened (ja, ja-easy, en, zh, ko, vi, pt). */
    lang: text('lang').notNull(),
    /** open → closed (by staff, or after the retention period without a message). */
    status: text('status').notNull().default('open'),
    /** 緊急: a message matched the city's crisis word list. */
    urgent: boolean('urgent').notNull().default(false),
    /** Marked as spam by staff: kept, hidden from the inbox, never counted. */
    spam: boolean('spam').notNull().default(false),
    claimedBy: uuid('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** The case opened from the thread or attached to it: its messages then count as メール contacts. */
    caseId: uuid('case_id'),
    /** Since when a resident's message has waited for a staff reply (null: nothing waits). */
    awaitingSince: timestamp('awaiting_since', { withTimezone: true }),
    /**
     * When opted-in staff were last told this thread is overdue; a wait that began after it
     * (awaiting_since later) may be told again, an earlier one never twice.
     */
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull(),
    /** Wrong passphrases in a row for this code, and until when the code refuses tries. */
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the messages' text was removed after the city's retention period (audited). */
    textRemovedAt: timestamp('text_removed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('inquiry_threads_code_idx').on(t.tenantId, t.code),
    index('inquiry_threads_inbox_idx').on(t.tenantId, t.status, t.lastMessageAt),
    index('inquiry_threads_case_idx').on(t.tenantId, t.caseId),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
    foreignKey({ columns: [t.tenantId, t.claimedBy], foreignColumns: [accounts.tenantId, accounts.id] }),
  ],
)

/** One message of a thread, from the resident or from staff. */
export const inquiryMessages = pgTable(
  'inquiry_messages',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    threadId: uuid('thread_id').notNull(),
    /** resident | staff */
    author: text('author').notNull(),
    staffId: uuid('staff_id'),
    /** Null once removed after the retention period. */
    body: text('body'),
    /** Minutes a staff reply took (counted like a contact's minutes). */
    minutes: integer('minutes'),
    /** This message matched the crisis word list. */
    urgent: boolean('urgent').notNull().default(false),
    /** The メール contact this message counts as, once the thread belongs to a case. */
    contactId: uuid('contact_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('inquiry_messages_thread_idx').on(t.tenantId, t.threadId, t.createdAt),
    foreignKey({
      columns: [t.tenantId, t.threadId],
      foreignColumns: [inquiryThreads.tenantId, inquiryThreads.id],
    }),
    foreignKey({ columns: [t.tenantId, t.contactId], foreignColumns: [contacts.tenantId, contacts.id] }),
  ],
)

/** 定型文: reply templates the window's counsellors start from. */
export const inquiryTemplates = pgTable(
  'inquiry_templates',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
)

/**
 * Mail waiting to go out (SMTP), retried until sent or given up. Notices carry no consultation
 * content and no name: `kind` picks a fixed text, `threadId` only links it back for staff.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** inquiry_reply_waiting (to a resident) | staff_new_inquiry | staff_overdue (to an account) */
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    threadId: uuid('thread_id'),
    /** survey_invitation: the one-time link the mail carries (its token is derived, never stored). */
    invitationId: uuid('invitation_id'),
    /** pending → sent | failed (given up after the last attempt) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** The SMTP error of the last attempt, without addresses (shown to staff). */
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('mail_outbox_thread_idx').on(t.tenantId, t.threadId),
  ],
)

/** Staff mail notifications (new web consultation, overdue) are opt-in, per account. */
export const accountMailPreferences = pgTable(
  'account_mail_preferences',
  {
    tenantId: text('tenant_id').notNull(),
    accountId: uuid('account_id').notNull(),
    address: text('address').notNull(),
    newInquiries: boolean('new_inquiries').notNull().default(false),
    overdueInquiries: boolean('overdue_inquiries').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.accountId] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
  ],
)
