// `npm run public`: the residents' web consultation pages only (server/public-serve.ts).
import { exitIfStoreInUse } from './db/store-lock.ts'
import { loadPublicConfig, startPublicServer } from './public-serve.ts'

await startPublicServer(loadPublicConfig()).catch(exitIfStoreInUse)
