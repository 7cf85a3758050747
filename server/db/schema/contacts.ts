import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { cases } from './cases.ts'
import { casePeople } from './people.ts'

/** 対応記録: one interaction within a case. Columns follow the `contacts` ledger sheet. */
export const contacts = pgTable(
  'contacts',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
    /** HH:MM in Tokyo, when recorded. */
    time: text('time'),
    method: text('method').notNull(),
    counterpart: text('counterpart').notNull(),
    /**
     * 相手: the consulter or household member it was with. When set, counterpart is derived
     * from their relationship (本人 → self, a relative → family, others → other).
     */
    personId: uuid('person_id'),
    staffId: uuid('staff_id'),
    /** The ledger's staff name or login when it matches no account. */
    staffName: text('staff_name'),
    minutes: integer('minutes'),
    summary: text('summary'),
    nextStep: text('next_step'),
    /** When the next step is due (and, optionally, at what HH:MM in Tokyo). */
    nextStepDueOn: date('next_step_due_on', { mode: 'string' }),
    nextStepDueTime: text('next_step_due_time'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // A case's contacts by date; method and counterpart ride along so that the report reads a
    // city's contacts in case and date order from the index alone (reports/contacts.sql.ts).
    index('contacts_case_idx').on(t.tenantId, t.caseId, t.contactedOn, t.method, t.counterpart),
    index('contacts_date_idx').on(t.tenantId, t.contactedOn),
    index('contacts_due_idx').on(t.tenantId, t.nextStepDueOn),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [cases.tenantId, cases.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [casePeople.tenantId, casePeople.id] }),
  ],
)
