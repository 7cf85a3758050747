// Test support for import-crash.embedded.test.ts, run as a process of its own: imports a ledger into a
// folder-backed store and dies as by kill -9 (SIGKILL: no handler, no cleanup) right after the
// Nth short transaction moving its rows has committed.
// Usage: import-crash.child.ts <data dir> <city id> <ledger folder> <moves>
import { DeferredWrites } from '#server/db/deferred.ts'
import { openStore } from '#server/db/open-store.ts'
import { importDir } from './test-ledger.ts'

const [dataDir, tenantId, ledgerDir, moves] = process.argv.slice(2) as [string, string, string, string]
const applyInTurns = DeferredWrites.prototype.applyInTurns
DeferredWrites.prototype.applyInTurns = function (client, undo) {
  let committed = 0
  // `between` runs after each move's transaction has committed.
  return applyInTurns.call(this, client, undo, async () => {
    committed += 1
    if (committed === Number(moves)) process.kill(process.pid, 'SIGKILL')
  })
}
const handle = await openStore({ dataDir, databaseUrl: undefined, databaseMigrationUrl: undefined })
await importDir(handle.db, tenantId, [ledgerDir])
// Not reached when the ledger has more than `moves` moves.
console.log('imported')
