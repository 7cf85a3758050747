import { sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { checkRoleName } from './roles.ts'

/**
 * The public entry point's PostgreSQL role (issue 11). `npm run public` may run on a host facing
 * the internet, outside the city's closed network, against the same database as the staff
 * server; if that host is taken over, its role is all an intruder holds. So it gets what the
 * residents' pages do and nothing else: read and open consultation threads and write messages,
 * count wrong passphrases, queue mail and audit rows it cannot read back, and read the city's
 * name and settings (window hours, crisis lines, crisis words). No case, contact, person, account,
 * session or audit row is readable, and no message text can be changed or removed.
 * Row-level security applies as to the application's role: each request sees its own city.
 */
export const PUBLIC_ROLE_GRANTS: readonly { table: string; privileges: string; why: string }[] = [
  {
    table: 'inquiry_threads',
    privileges: 'SELECT, INSERT',
    why: 'open a thread; come back with 受付番号 + 合言葉',
  },
  {
    table: 'inquiry_threads',
    // The per-code guessing throttle, and what a resident's new message changes on its thread.
    privileges: 'UPDATE (failed_attempts, locked_until, awaiting_since, last_message_at, urgent, version)',
    why: 'passphrase throttle; a new message waits for a reply, may be 緊急',
  },
  { table: 'inquiry_messages', privileges: 'SELECT, INSERT', why: 'read the replies, write again' },
  {
    table: 'mail_outbox',
    privileges: 'INSERT',
    why: 'staff notices (addresses via yorisoi_enqueue_staff_notices)',
  },
  { table: 'audit_log', privileges: 'INSERT', why: 'audit what residents do, without reading the log' },
  { table: 'tenants', privileges: 'SELECT', why: "the city's name on the pages" },
  { table: 'settings', privileges: 'SELECT', why: 'window hours and phone, crisis lines, crisis words' },
  { table: 'surveys', privileges: 'SELECT', why: 'a published survey’s title, introduction and period' },
  { table: 'survey_questions', privileges: 'SELECT', why: 'the questions of a published survey' },
  { table: 'survey_respondents', privileges: 'INSERT', why: 'an anonymous web answer, not read back' },
  { table: 'survey_answers', privileges: 'INSERT', why: 'its answers, not read back' },
  { table: 'survey_invitations', privileges: 'SELECT', why: 'a one-time link: is it still unused' },
  {
    table: 'survey_invitations',
    privileges: 'UPDATE (used_at, case_id, respondent_no)',
    why: 'use the link once; forget its case unless the respondent agreed',
  },
  { table: 'seminars', privileges: 'SELECT', why: 'the coming seminars and their free seats (issue 12)' },
  { table: 'wards', privileges: 'SELECT', why: "a ward seminar's organiser" },
  {
    table: 'seminar_registrations',
    privileges: 'SELECT, INSERT',
    why: "a family registers; the registration's link shows it and the waitlist's order",
  },
  {
    table: 'seminar_registrations',
    privileges: 'UPDATE (status, promoted_at, cancelled_at)',
    why: 'cancel with the link; the waiting move up',
  },
]

/** Sequences the public role draws from (a registration's order of arrival). */
export const PUBLIC_ROLE_SEQUENCES = ['seminar_registrations_seq_seq'] as const

/** Functions the public role calls (the staff notices' queue, which reads the addresses itself). */
export const PUBLIC_ROLE_FUNCTIONS = [
  'yorisoi_enqueue_staff_notices(text, text, uuid, timestamptz, text[])',
] as const

/**
 * Gives `publicRole` exactly PUBLIC_ROLE_GRANTS, first taking back whatever it held, so running it
 * again after an upgrade narrows as well as widens. Run as the owner role.
 */
export async function grantPublicRole(owner: Db, publicRole: string): Promise<void> {
  const role = sql.identifier(checkRoleName(publicRole))
  const [self] = await rowsOf<{ me: string }>(owner, sql`SELECT current_user AS me`)
  if (self?.me === publicRole) {
    throw new Error('The public role must not be the owner role that runs the migrations.')
  }
  await owner.transaction(async (tx) => {
    await tx.execute(sql`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`)
    await tx.execute(sql`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${role}`)
    await tx.execute(sql`REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM ${role}`)
    await tx.execute(sql`GRANT USAGE ON SCHEMA public TO ${role}`)
    for (const g of PUBLIC_ROLE_GRANTS) {
      await tx.execute(sql`GRANT ${sql.raw(g.privileges)} ON ${sql.identifier(g.table)} TO ${role}`)
    }
    for (const q of PUBLIC_ROLE_SEQUENCES) {
      await tx.execute(sql`GRANT USAGE ON SEQUENCE ${sql.identifier(q)} TO ${role}`)
    }
    for (const f of PUBLIC_ROLE_FUNCTIONS) {
      await tx.execute(sql`GRANT EXECUTE ON FUNCTION ${sql.raw(`public.${f}`)} TO ${role}`)
    }
  })
}

/**
 * What the operator of `npm run public` on PostgreSQL should hear about its role; empty when it
 * holds no more than a public role does. The check is on the privileges themselves, so a role
 * set up by hand is judged the same way.
 */
export async function publicRoleWarnings(db: Db): Promise<string[]> {
  const [r] = await rowsOf<{ bypasses: boolean; reads: boolean; owns: boolean }>(
    db,
    sql`SELECT
          (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypasses,
          has_table_privilege('public.cases', 'SELECT') OR has_table_privilege('public.accounts', 'SELECT')
            OR has_table_privilege('public.audit_log', 'SELECT') AS reads,
          pg_has_role(current_user, (SELECT tableowner FROM pg_tables
                                     WHERE schemaname = 'public' AND tablename = 'cases'), 'USAGE') AS owns`,
  )
  if (!r?.bypasses && !r?.reads && !r?.owns) return []
  return [
    '警告: 公開用サーバーのデータベースロールがケース・アカウント・監査ログを読めます。インターネットに面したホストでは、' +
      '`npm run yorisoi -- db grant --public-role NAME` で権限を設定した公開用ロールを DATABASE_URL に使ってください。 / ' +
      'Warning: the public server’s database role can read cases, accounts or the audit log (or owns the tables, or ' +
      'bypasses row-level security). On a host facing the internet, set DATABASE_URL to a role granted with ' +
      '`npm run yorisoi -- db grant --public-role NAME` (see docs/web-consultation-operations.md).',
  ]
}

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows
}
