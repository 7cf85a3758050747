// Each measured job runs in a child process of its own, so that the peak RSS measured is the
// job's, not the generator's or another backend's: `forkChild` starts one and waits for the one
// result it sends back; `runChild` is the import and report (import-child.ts).
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { NODE_FLAGS } from '../scripts/node-flags.mjs'
import type { ChildJob, ChildResult } from './import-child.ts'

/** Runs `script` (a file of this folder) with `job` as its argument; resolves with the result it sends. */
export function forkChild<R extends { error?: string }>(script: string, job: unknown): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(script, import.meta.url)), [JSON.stringify(job)], {
      // The same V8 flags as `npm start` and `npm run yorisoi` (scripts/node-flags.mjs).
      execArgv: [...NODE_FLAGS, '--import', 'tsx'],
      stdio: 'inherit',
    })
    let reply: R | undefined
    child.on('message', (message) => {
      reply = message as R
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

export const runChild = (job: ChildJob): Promise<ChildResult> =>
  forkChild<ChildResult>('./import-child.ts', job)
