// Each measured job runs in a child process of its own, so that the peak RSS measured is the
// job's, not the generator's or another backend's: `forkChild` starts one and waits for the one
// result it sends back; `runChild` is the import and report (import-child.ts).
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { CLI_ENV, CLI_FLAGS, SERVER_FLAGS } from '../scripts/node-flags.mjs'
import type { ChildJob, ChildResult } from './import-child.ts'

/**
 * The V8 flags of the process the job stands for (scripts/node-flags.mjs): the command line's for
 * an import of a ledger file, the staff server's for requests (the report, searches, many users).
 */
export const PROCESS_FLAGS = { cli: CLI_FLAGS, server: SERVER_FLAGS } as const
/** And the environment it starts with (the command line's allocator setting). */
const PROCESS_ENV = { cli: CLI_ENV, server: {} } as const
export type ProcessKind = keyof typeof PROCESS_FLAGS

/** Runs `script` (a file of this folder) with `job` as its argument; resolves with the result it sends. */
export function forkChild<R extends { error?: string }>(
  script: string,
  job: unknown,
  kind: ProcessKind,
): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(script, import.meta.url)), [JSON.stringify(job)], {
      execArgv: [...PROCESS_FLAGS[kind], '--import', 'tsx'],
      env: { ...process.env, ...PROCESS_ENV[kind] },
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

/**
 * The import (and what the job asks for after it) as `npm run yorisoi -- import` runs it; with
 * `reportAlone`, the report's timings on the store as it is, as the staff server runs them.
 */
export const runChild = (job: ChildJob): Promise<ChildResult> =>
  forkChild<ChildResult>('./import-child.ts', job, job.reportAlone ? 'server' : 'cli')
