import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** A city (自治体). One deployment may serve several; every city's row carries its id. */
export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Wards are master data per city (the reference city has 14). */
export const wards = pgTable(
  'wards',
  {
    tenantId: text('tenant_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    /** An inactive ward is offered for nothing new; its records keep naming it. */
    active: boolean('active').notNull().default(true),
    /** Optimistic version: a change names the version it was made on. */
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
)

/** The window, ward centres and their sections, the accompaniment team, outside agencies. */
export const orgUnits = pgTable(
  'org_units',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    wardCode: text('ward_code'),
    sectionCode: text('section_code'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
)

/** Per-city settings such as the work list's no-contact threshold. */
export const settings = pgTable(
  'settings',
  {
    tenantId: text('tenant_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
)

/** Sequences per city, e.g. the case number; incremented with an upsert in the transaction. */
export const counters = pgTable(
  'counters',
  {
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
)
