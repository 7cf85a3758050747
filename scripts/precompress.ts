import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/** Text the browser downloads; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/
/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 1024
/**
 * Brotli's best quality takes 15 s on the 1.9 MB password dictionary for 5% less than quality 9
 * (1 s); every other file is far smaller and gets the best.
 */
const BEST_QUALITY_UP_TO = 512 * 1024

/**
 * Writes `<file>.br` (brotli, best quality but for very large files) and `<file>.gz` (gzip, level 9) beside a built file,
 * each only when smaller than the file itself: the server sends them as they are
 * (@fastify/static's preCompressed), so no request spends time compressing.
 * Returns which copies were written.
 */
export async function precompressFile(path: string): Promise<Array<'br' | 'gz'>> {
  const data = await readFile(path)
  if (data.length < MIN_BYTES) return []
  const [br, gzip] = await Promise.all([
    brotli(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]:
          data.length <= BEST_QUALITY_UP_TO ? constants.BROTLI_MAX_QUALITY : 9,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gz(data, { level: constants.Z_BEST_COMPRESSION }),
  ])
  const written: Array<'br' | 'gz'> = []
  if (br.length < data.length) {
    await writeFile(`${path}.br`, br)
    written.push('br')
  }
  if (gzip.length < data.length) {
    await writeFile(`${path}.gz`, gzip)
    written.push('gz')
  }
  return written
}

/** The Vite plugin: precompresses every text file of the build once it is written. */
export function precompress(): Plugin {
  return {
    name: 'yorisoi:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir
      if (!dir) return
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name))
      await Promise.all(files.map((name) => precompressFile(join(dir, name))))
    },
  }
}
