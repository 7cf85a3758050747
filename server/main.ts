import { buildApp, loggerOptions } from './app.ts'
import { openDatabase } from './db/client.ts'
import { migrateDatabase } from './db/migrate.ts'
import { prepareStore } from './modules/tenancy/prepare-store.ts'
import { systemClock } from './platform/clock.ts'
import { loadConfig } from './platform/config.ts'

const config = loadConfig()
const handle = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.databaseUrl ? undefined : config.dataDir,
})
await migrateDatabase(handle)
await prepareStore(handle.db, config, systemClock, console.log)

const app = await buildApp({
  db: handle.db,
  clock: systemClock,
  config,
  logger: loggerOptions,
  serveWeb: true,
})

async function shutdown(signal: string) {
  app.log.info({ signal }, 'shutting down')
  await app.close()
  await handle.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

await app.listen({ port: config.port, host: config.host })
console.log(
  `よりそい is running: http://localhost:${config.port} (${handle.kind === 'pglite' ? `embedded store in ${config.dataDir}` : 'PostgreSQL'})`,
)
