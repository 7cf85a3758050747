// Test support for import-crash.embedded.test.ts, run as a process of its own: imports a ledger into a
// folder-backed store and dies as by kill -9 (SIGKILL: no handler, no cleanup) right after the
// Nth short transaction of the import's given step has committed: a move of its rows ('moves'),
// or a part of the recount of its city's report tallies at the end ('recount').
// Usage: import-crash.child.ts <data dir> <city id> <ledger folder> <N> [moves|recount]
import { embeddedClient } from '#server/db/client.ts'
import { DeferredWrites } from '#server/db/deferred.ts'
import { openStore } from '#server/db/open-store.ts'
import { importDir } from './test-ledger.ts'

const [dataDir, tenantId, ledgerDir, count, step = 'moves'] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string?,
]
let committed = 0
const die = () => {
  committed += 1
  if (committed === Number(count)) process.kill(process.pid, 'SIGKILL')
}
if (step === 'moves') {
  const applyInTurns = DeferredWrites.prototype.applyInTurns
  DeferredWrites.prototype.applyInTurns = function (client, undo) {
    // `between` runs after each move's transaction has committed.
    return applyInTurns.call(this, client, undo, async () => die())
  }
}
const handle = await openStore({ dataDir, databaseUrl: undefined, databaseMigrationUrl: undefined })
if (step === 'recount') {
  // Each part of the recount is one statement, a transaction of its own: committed once answered.
  const client = embeddedClient(handle.db)!
  const query = client.query.bind(client)
  client.query = (async (...args: Parameters<typeof query>) => {
    const result = await query(...args)
    if (String(args[0]).includes('count_window_contacts(')) die()
    return result
  }) as typeof client.query
}
await importDir(handle.db, tenantId, [ledgerDir])
// Not reached when the step has more than N transactions.
console.log('imported')
