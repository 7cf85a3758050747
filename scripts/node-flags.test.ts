// package.json cannot import scripts/node-flags.mjs: its commands that run the product must carry
// the same V8 flags as the e2e server and the bench's children, or the bench measures another
// process than the one a city runs.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CLI_ENV, CLI_FLAGS, SERVER_FLAGS } from './node-flags.mjs'

const scripts: Record<string, string> = JSON.parse(readFileSync('package.json', 'utf8')).scripts

describe('the V8 flags of the product’s commands', () => {
  it.each(['start', 'demo', 'public'])('npm run %s runs tsx with SERVER_FLAGS', (name) => {
    expect(scripts[name]).toMatch(new RegExp(`(^|&& )tsx ${SERVER_FLAGS.join(' ')} server/`))
  })

  it('npm run yorisoi runs tsx with CLI_FLAGS: the baseline compiler only, for imports of any size', () => {
    const env = Object.entries(CLI_ENV).map(([name, value]) => `${name}=${value} `)
    expect(scripts.yorisoi).toMatch(new RegExp(`^${env.join('')}tsx ${CLI_FLAGS.join(' ')} server/`))
    expect(CLI_ENV).toEqual({ MALLOC_ARENA_MAX: '2' })
    expect(CLI_FLAGS).toContain('--liftoff-only')
    expect(SERVER_FLAGS).not.toContain('--liftoff-only')
  })
})
