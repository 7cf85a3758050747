import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from './client.ts'
import { lockDataDir, STORE_IN_USE_EXIT_CODE, StoreInUseError } from './store-lock.ts'

const work = mkdtempSync(join(tmpdir(), 'yorisoi-lock-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const root = join(import.meta.dirname, '..', '..')
/** Node 24 from the `node` dependency, with tsx, as every npm script runs. */
const nodeBin = join(root, 'node_modules', '.bin', 'node')
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawn(nodeBin, ['--liftoff-only', '--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })

/** Every line a child prints, and a way to wait for the next one. */
function lineReader(child: ChildProcess) {
  const queue: string[] = []
  const waiters: ((line: string) => void)[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const waiter = waiters.shift()
    if (waiter) waiter(line)
    else queue.push(line)
  })
  return () =>
    new Promise<string>((resolve) => {
      const line = queue.shift()
      if (line !== undefined) resolve(line)
      else waiters.push(resolve)
    })
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })

describe('the embedded store is opened by one process at a time', () => {
  it('in one process, a second open of a folder in use is refused, and the folder opens again after close', async () => {
    const dir = join(work, 'same-process')
    const first = await openDatabase({ dataDir: dir })
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(StoreInUseError)
    await first.close()
    const again = await openDatabase({ dataDir: dir })
    await again.close()
  })

  it('of 8 processes started together exactly one opens the folder, each round; a holder killed with SIGKILL leaves no lock behind', async () => {
    const dir = join(work, 'race')
    // The store exists first, so each round's winner only starts PostgreSQL (no initdb).
    await (await openDatabase({ dataDir: dir })).close()
    const contenders = 8
    const start = () => {
      const child = run(['server/test/open-store-child.ts', dir])
      return { child, next: lineReader(child) }
    }
    const pool = Array.from({ length: contenders }, start)
    try {
      for (const p of pool) expect(await p.next()).toBe('ready')
      for (let round = 0; round < 4; round++) {
        for (const p of pool) p.child.stdin!.write('go\n')
        const answers = await Promise.all(pool.map((p) => p.next()))
        expect(
          answers.filter((a) => a === 'open'),
          `round ${round}: ${answers.join(', ')}`,
        ).toHaveLength(1)
        expect(answers.filter((a) => a === 'refused')).toHaveLength(contenders - 1)
        // The winner dies without closing anything; a fresh process takes its place.
        const winner = answers.indexOf('open')
        pool[winner]!.child.kill('SIGKILL')
        await exited(pool[winner]!.child)
        pool[winner] = start()
        expect(await pool[winner]!.next()).toBe('ready')
      }
    } finally {
      for (const p of pool) p.child.kill('SIGKILL')
    }
  }, 240_000)

  it('the CLI (export, backup) and the server, refused, print one line and exit with 75', async () => {
    const dir = join(work, 'held')
    const release = lockDataDir(dir)
    try {
      const commands = [
        ['server/cli.ts', 'export', '--out', join(work, 'x.xlsx')],
        ['server/cli.ts', 'backup', '--out', join(work, 'x.tar.gz')],
        ['server/main.ts'],
      ]
      for (const args of commands) {
        const child = run(args, { YORISOI_DATA_DIR: dir, PORT: '39999', DATABASE_URL: '' })
        let stderr = ''
        child.stderr!.on('data', (chunk) => {
          stderr += chunk
        })
        expect(await exited(child)).toBe(STORE_IN_USE_EXIT_CODE)
        const lines = stderr.trim().split('\n')
        expect(lines).toHaveLength(1)
        expect(lines[0]).toContain(`データフォルダ ${dir} は別のプロセス（pid ${process.pid},`)
        expect(lines[0]).toContain('is in use by another process')
      }
    } finally {
      release()
    }
    expect(existsSync(join(dir, 'store.lock.owner'))).toBe(false)
  }, 60_000)

  it("an earlier version's pid file: refused while that process lives, removed when it is gone", () => {
    const dir = join(work, 'legacy')
    const release = lockDataDir(dir)
    release()
    // A live process of the old version: the parent of this one.
    writeFileSync(join(dir, 'yorisoi.lock'), String(process.ppid))
    expect(() => lockDataDir(dir)).toThrow(StoreInUseError)
    // A pid no process has (above Linux's pid_max).
    writeFileSync(join(dir, 'yorisoi.lock'), '99999999')
    lockDataDir(dir)()
    expect(existsSync(join(dir, 'yorisoi.lock'))).toBe(false)
  })
})
