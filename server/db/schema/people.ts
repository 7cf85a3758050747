import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
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
import { cases } from './cases.ts'
import { SEARCH_PENDING_LIST_KB, searchKeys } from './search-keys.ts'

/**
 * 相談者・世帯員: someone around a case's person (the person themself included, as 本人) —
 * who consulted, who lives in the household, and how to reach them. Columns follow the
 * `people` ledger sheet; everything but relationship and consulter is personal data.
 */
export const casePeople = pgTable(
  'case_people',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    /** 番号: the person's number within the case (the ledger's `person_no`). */
    personNo: integer('person_no').notNull(),
    /** 続柄 (RELATIONSHIPS). */
    relationship: text('relationship').notNull(),
    /** 相談者: false for a household member who has not consulted. */
    consulter: boolean('consulter').notNull().default(true),
    name: text('name'),
    kana: text('kana'),
    /** search_fold(name) and search_fold(kana): what searches compare (search-keys.ts). */
    nameFold: text('name_fold').generatedAlwaysAs(sql`search_fold(name)`),
    kanaFold: text('kana_fold').generatedAlwaysAs(sql`search_fold(kana)`),
    /** Age as known; staff may enter an estimate. */
    age: integer('age'),
    /** 同居: null when not known. */
    livesWith: boolean('lives_with'),
    mail: text('mail'),
    /** search_fold(mail), stored so that ranking a search's candidates folds nothing per row. */
    mailFold: text('mail_fold').generatedAlwaysAs(sql`search_fold(mail)`),
    address: text('address'),
    /** The ward the address lies in, when it names one. */
    ward: text('ward'),
    bestTime: text('best_time'),
    /** 連絡時の配慮: null = not asked. */
    mayNameCity: boolean('may_name_city'),
    mayLeaveMessage: boolean('may_leave_message'),
    keepFromPerson: boolean('keep_from_person'),
    /** 介護・支援機関 (CARE_KINDS). */
    care: text('care').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('case_people_no_idx').on(t.tenantId, t.caseId, t.personNo),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
    index('case_people_search_idx')
      .using('gin', personSearchKeys(t))
      .with({ gin_pending_list_limit: SEARCH_PENDING_LIST_KB }),
  ],
)

/** The search index's keys for someone around a case: name, kana and mail address. */
export function personSearchKeys(t: { nameFold: AnyPgColumn; kanaFold: AnyPgColumn; mailFold: AnyPgColumn }) {
  return searchKeys(t.nameFold, t.kanaFold, t.mailFold)
}

/** A phone number of someone around a case, in the order staff entered them. */
export const casePersonPhones = pgTable(
  'case_person_phones',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    /** Kept with the phone so that a search by number reaches the case in one index lookup. */
    caseId: uuid('case_id').notNull(),
    position: integer('position').notNull(),
    /** PHONE_LABELS, or null when unlabelled. */
    label: text('label'),
    /** As staff typed it (for display). */
    number: text('number').notNull(),
    /** ASCII digits only: what searches compare. */
    digits: text('digits').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('case_person_phones_person_idx').on(t.tenantId, t.personId, t.position),
    index('case_person_phones_digits_idx').on(t.tenantId, t.digits),
    // A number typed in part (its first digits) is a prefix LIKE, which only this operator class
    // serves whatever the database's collation.
    index('case_person_phones_digits_prefix_idx').on(t.tenantId, t.digits.op('text_pattern_ops')),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [casePeople.tenantId, casePeople.id] }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
  ],
)
