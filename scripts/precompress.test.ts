import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { precompressFile } from './precompress.ts'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'yorisoi-precompress-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('precompressFile', () => {
  it('writes brotli and gzip copies that unpack to the file', async () => {
    const path = join(dir, 'app.js')
    const text = 'export const 寄り添い = "よりそい";\n'.repeat(200)
    writeFileSync(path, text)
    expect(await precompressFile(path)).toEqual(['br', 'gz'])
    expect(brotliDecompressSync(readFileSync(`${path}.br`)).toString()).toBe(text)
    expect(gunzipSync(readFileSync(`${path}.gz`)).toString()).toBe(text)
  })

  it('leaves small files alone', async () => {
    const path = join(dir, 'tiny.css')
    writeFileSync(path, 'a{}')
    expect(await precompressFile(path)).toEqual([])
    expect(existsSync(`${path}.br`)).toBe(false)
  })

  it('writes no copy that would be larger than the file', async () => {
    const path = join(dir, 'noise.js')
    // Random bytes do not compress: both copies would only add their headers.
    writeFileSync(path, crypto.getRandomValues(new Uint8Array(4096)))
    expect(await precompressFile(path)).toEqual([])
    expect(existsSync(`${path}.gz`)).toBe(false)
  })
})
