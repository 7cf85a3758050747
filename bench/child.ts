// Forks import-child.ts for one backend's import and report, so that the peak RSS measured is
// the importer's and the driver's, not the generator's or another backend's.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ChildJob, ChildResult } from './import-child.ts'

export function runChild(job: ChildJob): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./import-child.ts', import.meta.url)), [JSON.stringify(job)], {
      // The same V8 flag as `npm start` and `npm run yorisoi` (package.json): PGlite's WebAssembly
      // compiled by the baseline compiler only, which keeps 50–90 MB of optimising-compiler memory
      // out of the process at the cost of slower queries (report ~115 → ~200 ms on PGlite).
      execArgv: ['--liftoff-only', '--import', 'tsx'],
      stdio: 'inherit',
    })
    let reply: ChildResult | undefined
    child.on('message', (message) => {
      reply = message as ChildResult
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (!reply)
        reject(new Error(`the child process ended without a result (code ${code}, signal ${signal})`))
      else if (reply.error) reject(new Error(reply.error))
      else resolve(reply)
    })
  })
}
