import { sql } from 'drizzle-orm'
import type { Db } from './client.ts'

/**
 * PostgreSQL role separation (issue 8). The owner role runs the migrations and owns every table,
 * trigger and function; the application's role gets ordinary reads and writes on the data, but
 * only SELECT and INSERT on `audit_log` and SELECT on `audit_chain`. Without ownership it cannot
 * disable the triggers, replace their functions, or truncate, update or delete the audit rows.
 * Run after every migration (startServer does), so that new tables get their grants.
 */
export async function grantAppRole(owner: Db, appRole: string): Promise<void> {
  const role = sql.identifier(checkRoleName(appRole))
  const [self] = await rowsOf<{ me: string }>(owner, sql`SELECT current_user AS me`)
  if (self?.me === appRole) {
    throw new Error('The application role must not be the owner role that runs the migrations.')
  }
  await owner.transaction(async (tx) => {
    await tx.execute(sql`GRANT USAGE ON SCHEMA public TO ${role}`)
    await tx.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`)
    // The importer analyzes the tables it filled; from PostgreSQL 17 a non-owner may, given MAINTAIN
    // (before, ANALYZE skips the table with a warning and autovacuum analyzes it a little later).
    const [v] = await rowsOf<{ n: number }>(tx, sql`SELECT current_setting('server_version_num')::int AS n`)
    if ((v?.n ?? 0) >= 170000) await tx.execute(sql`GRANT MAINTAIN ON ALL TABLES IN SCHEMA public TO ${role}`)
    await tx.execute(sql`REVOKE ALL ON audit_log, audit_chain FROM ${role}`)
    await tx.execute(sql`GRANT SELECT, INSERT ON audit_log TO ${role}`)
    await tx.execute(sql`GRANT SELECT ON audit_chain TO ${role}`)
    await tx.execute(sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`)
    // Revoked from PUBLIC by its migration (0019): it reads the staff's mail addresses as the owner.
    await tx.execute(
      sql`GRANT EXECUTE ON FUNCTION public.yorisoi_enqueue_staff_notices(text, text, uuid, timestamptz, text[]) TO ${role}`,
    )
  })
}

/** What an operator should hear about the role the server runs as; empty when it is as it should be. */
export async function appRoleWarnings(app: Db): Promise<string[]> {
  const [r] = await rowsOf<{ owns: boolean; changes: boolean; creates: boolean; bypasses: boolean }>(
    app,
    sql`SELECT
          (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypasses,
          pg_has_role(current_user, (SELECT tableowner FROM pg_tables
                                     WHERE schemaname = 'public' AND tablename = 'audit_log'), 'USAGE') AS owns,
          has_table_privilege('public.audit_log', 'UPDATE, DELETE, TRUNCATE') AS changes,
          has_schema_privilege('public', 'CREATE') AS creates`,
  )
  const warnings: string[] = []
  if (r?.owns || r?.changes) {
    warnings.push(
      '警告: サーバーのデータベースロールが audit_log を変更・削除できます。監査ログの改ざん防止には DATABASE_MIGRATION_URL（所有者ロール）を分けてください。 / ' +
        'Warning: the server’s database role can change or remove audit_log rows (it owns the table or holds UPDATE/DELETE/TRUNCATE); the audit log is not tamper-evident against it. Set DATABASE_MIGRATION_URL to a separate owner role (see README).',
    )
  }
  if (r?.creates) {
    warnings.push(
      '警告: サーバーのデータベースロールが public スキーマにオブジェクトを作成できます（REVOKE CREATE ON SCHEMA public FROM PUBLIC を実行してください）。 / ' +
        'Warning: the server’s database role may create objects in schema public; run REVOKE CREATE ON SCHEMA public FROM PUBLIC.',
    )
  }
  if (r?.bypasses) {
    warnings.push(
      '警告: サーバーのデータベースロールは行単位セキュリティ（RLS）を迂回します（スーパーユーザーまたは BYPASSRLS）。市ごとの分離がデータベースで強制されません。DATABASE_URL には通常のロールを設定してください。 / ' +
        'Warning: the server’s database role bypasses row-level security (superuser or BYPASSRLS), so the database does not keep the cities apart. Set DATABASE_URL to an ordinary role (see README).',
    )
  }
  return warnings
}

/** A plain PostgreSQL role name (it is quoted too; this keeps typing mistakes out). */
export function checkRoleName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/.test(name))
    throw new Error(`Not a role name: ${JSON.stringify(name)}`)
  return name
}

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows
}
