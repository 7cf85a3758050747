import { readFileSync } from 'node:fs'
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
