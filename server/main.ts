import { exitIfStoreInUse } from './db/store-lock.ts'
import { loadConfig } from './platform/config.ts'
import { startServer } from './serve.ts'

await startServer(loadConfig()).catch(exitIfStoreInUse)
