import { readFileSync } from 'node:fs'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

// Every npm script runs on the Node.js that the `node` dependency installs (node_modules/.bin is
// first on their PATH), not on the machine's own, possibly end-of-life, Node.js.
describe('runtime', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))

  it('runs on the Node.js major that package.json declares and the node dependency installs', () => {
    const major = Number(process.versions.node.split('.')[0])
    expect(pkg.engines.node).toBe(`>=${major} <${major + 1}`)
    expect(pkg.dependencies.node).toMatch(new RegExp(`^\\^${major}\\.`))
    expect(major).toBeGreaterThanOrEqual(24)
  })
})

// `npm install` itself runs on the machine's Node.js (20 on today's machines), before the `node`
// dependency exists, and warns EBADENGINE for any package that refuses it. package.json's `overrides`
// pin cookie and content-disposition to API-compatible majors that still accept Node 20.
describe('install', () => {
  const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'))
  const installerNode = '20.19.0'

  it('has no locked package whose engines refuse the Node.js that npm install runs on', () => {
    const refusing = Object.entries(lock.packages as Record<string, { engines?: { node?: unknown } }>)
      .filter(([path, entry]) => path !== '' && typeof entry.engines?.node === 'string')
      .filter(([, entry]) => !semver.satisfies(installerNode, entry.engines?.node as string))
      .map(([path, entry]) => `${path} (${entry.engines?.node})`)
    expect(refusing).toEqual([])
  })
})
