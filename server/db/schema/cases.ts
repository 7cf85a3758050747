import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
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
import { SEARCH_PENDING_LIST_KB, searchKeys } from './search-keys.ts'

/** 相談ケース: one consultation about one person. Columns follow the `cases` ledger sheet. */
export const cases = pgTable(
  'cases',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** ケース番号: the ledger's own identifier, or one the product numbers. */
    caseNo: text('case_no').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    /** 'window' or the code of the ward centre that took the case in. */
    intakeUnit: text('intake_unit').notNull(),
    ward: text('ward'),
    age: integer('age'),
    birthYear: integer('birth_year'),
    ageBand: text('age_band').notNull(),
    firstConsulter: text('first_consulter').notNull(),
    route: text('route').notNull().default('unknown'),
    concerns: text('concerns').array().notNull().default([]),
    urgency: text('urgency').notNull().default('normal'),
    status: text('status').notNull().default('open'),
    handedOverOn: date('handed_over_on', { mode: 'string' }),
    handedOverTo: text('handed_over_to'),
    handoverSummary: text('handover_summary'),
    wardState: text('ward_state'),
    /** 新規ケース経路 (NEW_CASE_ROUTES): how the case reached the ward; set at handover or ward intake. */
    wardRoute: text('ward_route'),
    /** The ward's additional assessment (追加アセスメント), written by the coordinator. */
    wardAssessment: text('ward_assessment'),
    /** 本人同意: the date the person agreed that the case may be shared with the meeting's agencies. */
    consentOn: date('consent_on', { mode: 'string' }),
    consentNote: text('consent_note'),
    /**
     * The current decision of the ward's meeting, copied from the latest decided review so that
     * "my cases" and caseloads are one indexed lookup: 主担当 (CASE_LEADS), the organisation unit
     * and, when one is named, the worker; and the next review date (次回確認日).
     */
    lead: text('lead'),
    leadUnitId: uuid('lead_unit_id'),
    leadAccountId: uuid('lead_account_id'),
    nextReviewOn: date('next_review_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    closureReason: text('closure_reason'),
    closureNote: text('closure_note'),
    name: text('name'),
    kana: text('kana'),
    /** search_fold(name) and search_fold(kana): what searches compare (search-keys.ts). */
    nameFold: text('name_fold').generatedAlwaysAs(sql`search_fold(name)`),
    kanaFold: text('kana_fold').generatedAlwaysAs(sql`search_fold(kana)`),
    /**
     * search_fold(case_no), stored so that a search ranks its candidates without folding each
     * one's number again (that was half of a katakana search's time at 100,000 cases).
     */
    caseNoFold: text('case_no_fold').generatedAlwaysAs(sql`search_fold(case_no)`),
    gender: text('gender').notNull().default('unknown'),
    staffId: uuid('staff_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic concurrency: a change names the version it was made on. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('cases_case_no_idx').on(t.tenantId, t.caseNo),
    // The case list's default order (opening date, newest first, then case number and id: the
    // keyset of list-cursor.ts), so that a page is read from the index instead of sorting every
    // case in scope; it serves opening-date ranges as cases_opened_idx did before it.
    index('cases_list_idx').on(t.tenantId, t.openedOn.desc().nullsLast(), t.caseNo, t.id),
    index('cases_intake_idx').on(t.tenantId, t.intakeUnit, t.status),
    // The window's cases in id order with their ward and opening date from the index alone: the
    // report merges them with the contacts, which come in case order (reports/contacts.sql.ts),
    // without reading the cases' rows or sorting them.
    index('cases_report_idx').on(t.tenantId, t.intakeUnit, t.id, t.ward, t.openedOn),
    index('cases_handed_over_idx').on(t.tenantId, t.handedOverTo),
    index('cases_lead_account_idx').on(t.tenantId, t.leadAccountId),
    index('cases_lead_unit_idx').on(t.tenantId, t.leadUnitId),
    index('cases_search_idx')
      .using('gin', caseSearchKeys(t))
      .with({ gin_pending_list_limit: SEARCH_PENDING_LIST_KB }),
  ],
)

/** The search index's keys for a case: its person's name and kana, and its case number. */
export function caseSearchKeys(t: { nameFold: AnyPgColumn; kanaFold: AnyPgColumn; caseNoFold: AnyPgColumn }) {
  return searchKeys(t.nameFold, t.kanaFold, t.caseNoFold)
}

/** A case's history: who changed what from what, and why. Written with every change. */
export const caseEvents = pgTable(
  'case_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').notNull().default([]),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('case_events_case_idx').on(t.tenantId, t.caseId, t.at),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
  ],
)
