// An import on the embedded store moves its rows in many short transactions, noting each row's
// former image in an undo log that commits with it (undo-log.ts). If the process died before the
// import's last step (kill -9, power cut), the city is half imported and its log is still there.
// At start, before anyone is answered, each such city is put back as it was before the import,
// and that is logged (no personal data: the city's id and a count) and audited. Its report
// tallies are counted again from the rows put back: the import counts them in turns at its end
// (reports/tally-upkeep.ts), and may have died part way through.
import { setImmediate } from 'node:timers/promises'
import type { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { writeAnonymousAudit } from '#server/platform/audit.ts'
import type { Db } from './client.ts'
import { UndoLog } from './undo-log.ts'

export async function undoInterruptedImports(
  client: PGlite,
  db: Db,
  log: (line: string) => void,
  at: Date = new Date(),
): Promise<void> {
  for (const undo of await UndoLog.leftBehind(client)) {
    const rows = await undo.restore(() => setImmediate())
    // The audit row and the log's end commit together: a death in between restores again
    // (the same images), and audits once.
    await db.transaction(async (tx) => {
      // Migration 0035; at start nobody waits for the store, so the whole city in one statement.
      await tx.execute(sql`select recount_window_contacts(${undo.tenantId})`)
      await writeAnonymousAudit(
        tx,
        undo.tenantId,
        at,
        { loginId: 'system', accountId: null, clientAddress: null },
        {
          action: 'ledger.import',
          recordType: 'ledger',
          detail: { dryRun: false, ok: false, interrupted: true, restored: rows },
        },
      )
      await undo.dropWith(tx)
    })
    log(`an interrupted import of city ${undo.tenantId} was undone: ${rows} rows restored`)
  }
}
